import {
  addAssessmentLink,
  findAssessmentByTokenHash,
  findAssessmentOnlyByTokenHash,
  findCompanyAssessment,
  findCompanyById,
  findLatestSubmitted,
  insertAssessment,
  insertCompany,
  listCompanyAssessments,
  listScores,
  markOpened,
  lockAssessment,
  mergeAnswers,
  recordSubmission,
  type AssessmentWithCompany,
} from "../../../db/queries/assessments";
import type { Assessment, Company, Stage } from "../../../db/schema";
import { validateAnswers, type Answers } from "../core/answers";
import type { CustomerTypeId, LanguageId } from "../core/vocabularies";
import { forgetRefilledCreationBuckets, withCreationToken } from "./creation-limit.server";
import { database } from "./db.server";
import { majorOf, questionIndex, type Problem, type SurveyDefinition } from "../core/definitions";
import { getDefinitionRegistry, type DefinitionEntry } from "./definitions.server";
import { profileName, type CustomerProfile } from "../core/profile";
import { createResumeToken, hashResumeToken, isWellFormedToken } from "./resume-token.server";
import { scoreAnswers, type Score } from "../core/scoring";
import { contributionOf, type PeerComparison, type PeerProfile } from "../core/benchmark";
import { insertNewCompanyLatest, refreshCompanyLatest } from "../../../db/queries/company-latest";
import { comparePeerGroups, lockPeerMember, type PeerViewer } from "./peers.server";
import type { Executor } from "../../../db/database";
import { reasonsOf, recommendationRows, type Audience } from "./recommendations.server";
import { contactOf } from "../core/service-catalogue";
import { activeServices } from "./services.server";
import { withCompanyChange } from "./company-changes.server";
import { insertRecommendations, listRecommendations } from "../../../db/queries/services";
import type { StoredRecommendation, Trigger } from "../core/recommendations";
import {
  linkToNextAssessment,
  MAIN_DEFINITIONS,
  NEXT_STAGE,
  nextAssessmentOf,
  previousAssessmentOf,
  type NextAssessmentKind,
} from "../core/next-assessments";

/**
 * A failure the caller turns into a response: 400 (bad answers), 404 (no such link),
 * 409 (not allowed in this state). `problems` lists every problem found.
 */
export class AssessmentError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly problems: Problem[],
  ) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    this.name = "AssessmentError";
  }
}

const notFound = () => new AssessmentError(404, [{ path: "token", message: "no such assessment" }]);
const submittedError = () =>
  new AssessmentError(409, [{ path: "token", message: "the assessment is already submitted" }]);

/** A new private link: the token is shown once and only its hash is stored. */
export interface CreatedAssessment {
  token: string;
  assessmentId: string;
}

/**
 * Creates the company or public sector organisation and its T0 assessment of its customer
 * type's main questionnaire (dma-sme or dma-pso), pinned to the latest version. With a
 * `clientAddress` the creation takes a token of that address's rate limit in the same
 * transaction, or throws `RateLimited` and creates nothing.
 */
export async function createAssessment(
  profile: CustomerProfile,
  language: LanguageId,
  now = new Date(),
  options: { clientAddress?: string } = {},
): Promise<CreatedAssessment> {
  const entry = latestDefinition(MAIN_DEFINITIONS[profile.customerType]);
  const { token, hash } = createResumeToken();
  const pso = profile.customerType === "pso" ? profile : undefined;
  const sme = profile.customerType === "sme" ? profile : undefined;
  const create = () =>
    database()
      .db.transaction()
      .execute(async (trx) => {
        const companyId = await insertCompany(trx, {
          name: profileName(profile),
          customer_type: profile.customerType,
          org_number: profile.orgNumber,
          country: profile.region === "outside-sweden" ? "XX" : "SE",
          size_class: profile.sizeClass,
          primary_sector: sme?.primarySector ?? null,
          secondary_sector: sme?.secondarySector ?? null,
          organisation_type: pso?.organisationType ?? null,
          primary_area: pso?.primaryArea ?? null,
          secondary_area: pso?.secondaryArea ?? null,
          region: profile.region,
          contact_name: profile.contactName,
          contact_role: profile.contactRole ?? null,
          contact_email: profile.contactEmail,
          consent_advisers_at: profile.consentAdvisers ? now : null,
          consent_benchmark_at: profile.consentBenchmark ? now : null,
        });
        return withCompanyChange(
          trx,
          [companyId],
          async () => {
            const id = await insertAssessment(
              trx,
              pinnedAssessment(entry, companyId, "T0", hash, language),
            );
            await insertNewCompanyLatest(trx, companyId);
            return id;
          },
          { created: true },
        );
      });
  // An address with no creation token left is refused before any work; one whose creation
  // fails gets its token back.
  const assessmentId =
    options.clientAddress === undefined
      ? await create()
      : await withCreationToken(options.clientAddress, create);
  if (options.clientAddress !== undefined) await forgetRefilledCreationBuckets();
  return { token, assessmentId };
}

function pinnedAssessment(
  entry: DefinitionEntry,
  companyId: string,
  stage: Stage,
  tokenHash: string,
  language: LanguageId,
) {
  return {
    company_id: companyId,
    definition_id: entry.id,
    definition_version: entry.version,
    definition_major: majorOf(entry.version),
    definition_hash: entry.hash,
    stage,
    resume_token_hash: tokenHash,
    language,
  };
}

function latestDefinition(id: string): DefinitionEntry {
  const entry = getDefinitionRegistry().latest(id);
  if (!entry) throw new Error(`no published version of ${id}`);
  return entry;
}

/** An assessment opened by its private link, with the exact definition version it pinned. */
export interface OpenedAssessment extends AssessmentWithCompany {
  entry: DefinitionEntry;
}

/** Opens an assessment by its token; an unknown or malformed token is a 404. */
export async function openAssessment(token: string | undefined): Promise<OpenedAssessment> {
  if (!isWellFormedToken(token)) throw notFound();
  const found = await findAssessmentByTokenHash(database().db, hashResumeToken(token));
  if (!found) throw notFound();
  // The first time its link is opened, for the staff's follow-up state.
  if (found.assessment.opened_at === null) await markOpened(database().db, found.assessment.id);
  return { ...found, entry: pinnedDefinition(found.assessment) };
}

function pinnedDefinition(
  assessment: Pick<
    AssessmentWithCompany["assessment"],
    "definition_id" | "definition_version" | "definition_hash"
  >,
): DefinitionEntry {
  const entry = getDefinitionRegistry().get(
    assessment.definition_id,
    assessment.definition_version,
  );
  // The lock guarantees a published version never changes; this guards against a
  // deployment that lost a file.
  if (!entry || entry.hash !== assessment.definition_hash) {
    throw new Error(
      `definition ${assessment.definition_id}@${assessment.definition_version} is missing or changed`,
    );
  }
  return entry;
}

/** Number of pages of a definition's survey. */
export function pageCount(entry: DefinitionEntry): number {
  const pages = (entry.definition.survey as { pages?: unknown[] }).pages;
  return Array.isArray(pages) ? pages.length : 1;
}

/**
 * Saves changed answers (a partial set, merged into the stored ones; `null` clears an
 * answer) and the current page, in one statement. Every problem is reported and nothing
 * is stored when any answer is invalid; a submitted assessment answers 409.
 */
export async function saveAnswers(
  token: string | undefined,
  change: { answers: Record<string, unknown>; currentPage?: number },
): Promise<{ savedAt: Date }> {
  // The hot path of autosave: one statement once the link's pinned version is known.
  if (!isWellFormedToken(token)) throw notFound();
  const tokenHash = hashResumeToken(token);
  const entry = pinnedDefinition(await pinnedByToken(tokenHash));
  const remove = Object.keys(change.answers).filter((k) => change.answers[k] === null);
  const present = Object.fromEntries(
    Object.entries(change.answers).filter(([, value]) => value !== null),
  );
  const problems: Problem[] = [];
  const validated = validateAnswers(entry.definition, present, { complete: false });
  if (!validated.ok) problems.push(...validated.problems.map(prefix("answers")));
  const known = questionIndex(entry.definition).byName;
  for (const name of remove) {
    if (!known.has(name)) problems.push({ path: `answers.${name}`, message: "unknown question" });
  }
  const pages = pageCount(entry);
  if (
    change.currentPage !== undefined &&
    (!Number.isInteger(change.currentPage) || change.currentPage < 0 || change.currentPage >= pages)
  ) {
    problems.push({ path: "currentPage", message: `must be a page number from 0 to ${pages - 1}` });
  }
  if (problems.length > 0 || !validated.ok) throw new AssessmentError(400, problems);
  const write = () =>
    mergeAnswers(database().db, tokenHash, {
      answers: validated.value,
      remove,
      currentPage: change.currentPage,
    });
  if (!(await write())) {
    // Submitted since, or the link was replaced: the lookup answers 409 or 404.
    pinnedVersions.delete(tokenHash);
    await pinnedByToken(tokenHash);
    if (!(await write())) throw submittedError();
  }
  return { savedAt: new Date() };
}

type PinnedVersion = Pick<
  AssessmentWithCompany["assessment"],
  "definition_id" | "definition_version" | "definition_hash"
>;

/**
 * Token hash → the definition version its in-progress assessment pinned, which never
 * changes: autosave then writes without reading first. The write itself checks the token
 * and the status, so a stale entry (submitted, or the link replaced) costs one lookup.
 */
const pinnedVersions = new Map<string, PinnedVersion>();
const PINNED_VERSIONS_KEPT = 10_000;

/** The pinned version of an in-progress assessment by its token's hash (404 / 409 otherwise). */
async function pinnedByToken(tokenHash: string): Promise<PinnedVersion> {
  const known = pinnedVersions.get(tokenHash);
  if (known) return known;
  const assessment = await findAssessmentOnlyByTokenHash(database().db, tokenHash);
  if (!assessment) throw notFound();
  if (assessment.status !== "in_progress") throw submittedError();
  const { definition_id, definition_version, definition_hash } = assessment;
  const pinned = { definition_id, definition_version, definition_hash };
  if (pinnedVersions.size >= PINNED_VERSIONS_KEPT) {
    pinnedVersions.delete(pinnedVersions.keys().next().value as string);
  }
  pinnedVersions.set(tokenHash, pinned);
  return pinned;
}

function prefix(root: string) {
  return (p: Problem): Problem => ({
    path: p.path === "(root)" ? root : `${root}.${p.path}`,
    message: p.message,
  });
}

/** The stored result of a submitted assessment. */
export interface AssessmentResult {
  overall: number;
  band: string;
  dimensions: Record<string, number>;
  submittedAt: Date;
}

/**
 * Submits: in one transaction, validates every answer against the pinned version,
 * scores them on the server, stores the per-dimension scores and the overall score and
 * band, and marks the assessment submitted. Idempotent: a second submit (a double
 * click, a retry, another tab) returns the stored result.
 */
export async function submitAssessment(
  token: string | undefined,
  now = new Date(),
): Promise<AssessmentResult> {
  if (!isWellFormedToken(token)) throw notFound();
  return database()
    .db.transaction()
    .execute(async (trx) => {
      const found = await findAssessmentByTokenHash(trx, hashResumeToken(token), {
        forUpdate: true,
      });
      if (!found) throw notFound();
      const { assessment, company } = found;
      if (assessment.status === "submitted") return storedResult(trx, assessment);
      const entry = pinnedDefinition(assessment);
      const scored = scoreAnswers(entry.definition, assessment.answers);
      if (!scored.ok) throw new AssessmentError(400, scored.problems.map(prefix("answers")));
      const score: Score = scored.value;
      // The dashboard's rollups and the peer statistics follow the company's change.
      return withCompanyChange(trx, [company.id], async () => {
        const submittedMonth = `${now.toISOString().slice(0, 7)}-01`;
        const contribution = contributionOf(company, score);
        const viewer = peerViewerOf(assessment, company);
        // Read once and locked: the comparison takes it out, the update replaces it.
        const memberId = await lockPeerMember(trx, viewer.slot);
        // Recommendations are ranked against the peers as they are now (without this
        // organisation) and stored as a snapshot.
        const peers = await comparePeerGroups(trx, viewer, contribution, { memberId });
        await insertRecommendations(
          trx,
          recommendationRows({
            assessmentId: assessment.id,
            definitionId: assessment.definition_id,
            definition: entry.definition,
            dimensions: score.dimensions,
            answers: assessment.answers as Answers,
            services: await activeServices(trx),
            peers,
          }),
        );
        await recordSubmission(trx, {
          id: assessment.id,
          overall: score.overall,
          band: score.band,
          submittedAt: now,
          scores: Object.entries(score.dimensions).map(([dimension, value]) => ({
            assessment_id: assessment.id,
            dimension,
            score: value,
            definition_id: assessment.definition_id,
            definition_major: assessment.definition_major,
            ...profileColumns(company),
            submitted_month: submittedMonth,
          })),
        });
        await refreshCompanyLatest(trx, [company.id]);
        // The hook then moves the slot's member to this one when the hub confirmed the
        // organisation and it consented (else nothing moves).
        return {
          overall: score.overall,
          band: score.band,
          dimensions: score.dimensions,
          submittedAt: now,
        };
      });
    });
}

type ProfileColumn =
  | "customer_type"
  | "primary_sector"
  | "organisation_type"
  | "primary_area"
  | "size_class"
  | "region";

/** The profile columns stored with each score: what peer groups and aggregates use. */
function profileColumns(company: Company): Pick<Company, ProfileColumn> {
  const { customer_type, primary_sector, organisation_type, primary_area, size_class, region } =
    company;
  return { customer_type, primary_sector, organisation_type, primary_area, size_class, region };
}

type StoredAssessment = Pick<
  AssessmentWithCompany["assessment"],
  "id" | "overall_score" | "band" | "submitted_at"
>;

/** An assessment as the viewer of its comparison, in its organisation's benchmark slot. */
export function peerViewerOf(
  assessment: Pick<
    AssessmentWithCompany["assessment"],
    "id" | "definition_id" | "definition_major"
  >,
  company: Pick<Company, "peer_key" | "peer_confirmed_at">,
): PeerViewer {
  return {
    slot: {
      memberKey: company.peer_key,
      definitionId: assessment.definition_id,
      definitionMajor: assessment.definition_major,
    },
    assessmentId: assessment.id,
    confirmed: company.peer_confirmed_at !== null,
  };
}

async function storedResult(db: Executor, assessment: StoredAssessment): Promise<AssessmentResult> {
  return (await storedScores(db, assessment)).result;
}

/**
 * The stored result of an assessment row already read, with its dimension scores and the
 * profile it was submitted with.
 */
async function storedScores(
  db: Executor,
  assessment: StoredAssessment,
): Promise<{ result: AssessmentResult; profile: PeerProfile | undefined }> {
  const scores = await listScores(db, assessment.id);
  return {
    result: {
      overall: assessment.overall_score ?? 0,
      band: assessment.band ?? "",
      dimensions: Object.fromEntries(scores.map((s) => [s.dimension, s.score])),
      submittedAt: assessment.submitted_at ?? new Date(0),
    },
    profile: scores[0],
  };
}

/** The results of a submitted assessment opened by its link (409 while in progress). */
export async function getResults(token: string | undefined): Promise<
  OpenedAssessment & {
    result: AssessmentResult;
    answers: Answers;
    others: Awaited<ReturnType<typeof listCompanyAssessments>>;
    peers: PeerComparison;
    recommendations: StoredRecommendation[];
    /** The earlier stage of the same questionnaire and major version, for the progress. */
    previous: { stage: Stage; overall: number; dimensions: Record<string, number> } | undefined;
  }
> {
  const opened = await openAssessment(token);
  if (opened.assessment.status !== "submitted") {
    throw new AssessmentError(409, [
      { path: "token", message: "the assessment is not submitted yet" },
    ]);
  }
  return resultsOf(opened);
}

/** The results of one of a company's submitted assessments (the staff's company page). */
export async function getResultsOfAssessment(
  companyId: string,
  assessmentId: string,
  audience: Audience = "staff",
): Promise<Awaited<ReturnType<typeof getResults>> | undefined> {
  const { db } = database();
  const [assessment, company] = await Promise.all([
    db
      .selectFrom("assessments")
      .selectAll()
      .where("id", "=", assessmentId)
      .where("company_id", "=", companyId)
      .where("status", "=", "submitted")
      .executeTakeFirst(),
    findCompanyById(db, companyId),
  ]);
  if (!assessment || !company) return undefined;
  return resultsOf({ assessment, company, entry: pinnedDefinition(assessment) }, audience);
}

async function resultsOf(opened: OpenedAssessment, audience: Audience = "company") {
  const { db } = database();
  const { assessment, company } = opened;
  const [{ result: stored, profile }, others, recommendations] = await Promise.all([
    storedScores(db, assessment),
    listCompanyAssessments(db, company.id),
    listRecommendations(db, assessment.id),
  ]);
  // The score rows come back in whatever order the query plan reads them: put the
  // dimensions (and so the strengths and every list built from them) in the definition's order.
  const order = opened.entry.definition.dimensions.map((d) => d.id);
  // A dimension the definition no longer names (none today) goes last.
  const position = (id: string) => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  const result = {
    ...stored,
    dimensions: Object.fromEntries(
      Object.entries(stored.dimensions).sort(([a], [b]) => position(a) - position(b)),
    ),
  };
  const earlier = previousAssessmentOf(assessment, others);
  // Compared within the groups of the profile as it was at submission.
  const [peers, previous] = await Promise.all([
    comparePeerGroups(
      db,
      peerViewerOf(assessment, company),
      contributionOf(profile ?? company, result),
    ),
    earlier
      ? storedResult(db, { ...earlier, band: null }).then((r) => ({
          stage: earlier.stage,
          overall: r.overall,
          dimensions: r.dimensions,
        }))
      : undefined,
  ]);
  return {
    ...opened,
    result,
    answers: assessment.answers as Answers,
    others,
    peers,
    previous,
    recommendations: recommendations.map((row) =>
      fromRow(row, opened.entry.definition, company.customer_type, audience),
    ),
  };
}

/**
 * Starts the company's next assessment from a submitted one: the follow-up stage (T1,
 * then T2) of the same questionnaire, or (for a company) the smart industry module at the
 * same stage.
 * Pinned to the latest published version. While it is in progress, asking again issues a
 * further link to it (tokens are stored only as hashes, so an earlier link cannot be shown
 * again, and it keeps working); once submitted it is a 409 (linkToNextAssessment).
 */
export async function startNextAssessment(
  token: string | undefined,
  kind: NextAssessmentKind,
): Promise<CreatedAssessment> {
  const { assessment, company } = await openAssessment(token);
  if (assessment.status !== "submitted") {
    throw new AssessmentError(409, [{ path: "token", message: "submit this assessment first" }]);
  }
  return startNextFrom(assessment, company, kind);
}

/** A follow-up issued by the hub's staff: its link, stage and the company's contact. */
export interface IssuedFollowUp extends CreatedAssessment {
  stage: Stage;
  language: LanguageId;
}

/**
 * Issues the follow-up of a company's latest submitted assessment of `definitionId` (the
 * staff's "send T1/T2"), with the same rules as the results page: the next stage's link
 * (a new link when it exists already). Only the next stage's link changes; the link of the
 * assessment it follows stays as it is. 409 when nothing is submitted yet or T2 is done.
 */
export async function issueFollowUpFor(
  companyId: string,
  definitionId: string,
): Promise<IssuedFollowUp> {
  const { db } = database();
  const [latest, company] = await Promise.all([
    findLatestSubmitted(db, companyId, definitionId),
    findCompanyById(db, companyId),
  ]);
  if (!latest || !company) {
    throw new AssessmentError(409, [
      { path: "definition", message: "no submitted assessment of this questionnaire" },
    ]);
  }
  const created = await startNextFrom(latest, company, "follow-up");
  return { ...created, stage: NEXT_STAGE[latest.stage]!, language: latest.language };
}

async function startNextFrom(
  assessment: Assessment,
  company: Company,
  kind: NextAssessmentKind,
): Promise<CreatedAssessment> {
  const next = nextAssessmentOf(assessment, kind, company);
  if (!next.ok) throw new AssessmentError(409, [next.problem]);
  const { definitionId, stage } = next;
  const { token: newToken, hash } = createResumeToken();
  const db = database().db;
  const assessmentId = await db.transaction().execute(async (trx) => {
    // Two presses at once start one next assessment, not two.
    await lockAssessment(trx, assessment.id);
    const existing = await findCompanyAssessment(trx, company.id, definitionId, stage);
    const decision = linkToNextAssessment(existing);
    if (!decision.ok) throw new AssessmentError(409, [decision.problem]);
    if (existing) {
      await addAssessmentLink(trx, existing.id, hash);
      return existing.id;
    }
    const entry = latestDefinition(definitionId);
    return withCompanyChange(trx, [company.id], async () => {
      const id = await insertAssessment(
        trx,
        pinnedAssessment(entry, company.id, stage, hash, assessment.language),
      );
      await refreshCompanyLatest(trx, [company.id]);
      return id;
    });
  });
  return { token: newToken, assessmentId };
}

/** A stored recommendation with its reason worded in every language. */
function fromRow(
  row: Awaited<ReturnType<typeof listRecommendations>>[number],
  definition: SurveyDefinition,
  customerType: CustomerTypeId,
  audience: Audience,
): StoredRecommendation {
  return {
    rank: row.rank,
    serviceId: row.service_id,
    category: row.category,
    name: { sv: row.name_sv, en: row.name_en },
    description: { sv: row.description_sv, en: row.description_en },
    contact: contactOf(row.contact_email, row.contact_url),
    reason: reasonsOf(row.trigger as Trigger, definition, customerType, audience),
    trigger: row.trigger,
  };
}
