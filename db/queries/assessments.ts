import { sql, type ExpressionBuilder, type Insertable, type Transaction } from "kysely";
import type { Executor } from "../database";
import type {
  Assessment,
  AssessmentScore,
  AssessmentScoresTable,
  Company,
  Database,
  NewAssessment,
  NewCompany,
  Stage,
  StoredAnswers,
} from "../schema";

/** Inserts a company and returns its id. */
export async function insertCompany(db: Executor, company: NewCompany): Promise<string> {
  const row = await db
    .insertInto("companies")
    .values(company)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts an assessment and returns its id. */
export async function insertAssessment(db: Executor, assessment: NewAssessment): Promise<string> {
  const row = await db
    .insertInto("assessments")
    .values(assessment)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An assessment with the company it belongs to. */
export interface AssessmentWithCompany {
  assessment: Assessment;
  company: Company;
}

/**
 * Selects the assessment one of whose links hashes to `tokenHash`: the link it was created
 * with, or a further one (assessment_links). A scalar subquery (token_hash is the key), so
 * PostgreSQL looks both up by index (a BitmapOr), never by scanning the assessments.
 */
function hasLink(tokenHash: string) {
  return (eb: ExpressionBuilder<Database, "assessments">) =>
    eb.or([
      eb("assessments.resume_token_hash", "=", tokenHash),
      eb(
        "assessments.id",
        "=",
        eb
          .selectFrom("assessment_links")
          .select("assessment_links.assessment_id")
          .where("assessment_links.token_hash", "=", tokenHash),
      ),
    ]);
}

/** The assessment whose resume token hashes to `tokenHash`, without its company. */
export async function findAssessmentOnlyByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<Assessment | undefined> {
  return db.selectFrom("assessments").selectAll().where(hasLink(tokenHash)).executeTakeFirst();
}

/** The assessment whose resume token hashes to `tokenHash`, with its company; `forUpdate` locks the row. */
export async function findAssessmentByTokenHash(
  db: Executor,
  tokenHash: string,
  options: { forUpdate?: boolean } = {},
): Promise<AssessmentWithCompany | undefined> {
  let query = db.selectFrom("assessments").selectAll().where(hasLink(tokenHash));
  if (options.forUpdate) query = query.forUpdate();
  const assessment = await query.executeTakeFirst();
  if (!assessment) return undefined;
  const company = await db
    .selectFrom("companies")
    .selectAll()
    .where("id", "=", assessment.company_id)
    .executeTakeFirstOrThrow();
  return { assessment, company };
}

/**
 * Merges changed answers into an in-progress assessment and records the page, in one
 * statement (so a crash leaves the row either as before or fully updated). Keys in
 * `remove` are cleared. The assessment is the one whose token hashes to `tokenHash`;
 * returns false when there is none in progress.
 */
export async function mergeAnswers(
  db: Executor,
  tokenHash: string,
  change: { answers: StoredAnswers; remove: string[]; currentPage: number | undefined },
): Promise<boolean> {
  const result = await db
    .updateTable("assessments")
    .set((eb) => ({
      answers: sql`(${eb.ref("answers")} || ${JSON.stringify(change.answers)}::jsonb) - ${sql.val(change.remove)}::text[]`,
      current_page:
        change.currentPage === undefined ? eb.ref("current_page") : sql`${change.currentPage}`,
      updated_at: sql`now()`,
    }))
    .where(hasLink(tokenHash))
    .where("status", "=", "in_progress")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One dimension score of a submitted assessment, with the columns aggregates filter on. */
export type ScoreRow = Insertable<AssessmentScoresTable> & { submitted_month: string };

/**
 * An assessment's scores as `assessments.dimension_scores` holds them: in the order of
 * their dimension ids (code unit order, which for the ids' lower-case ASCII is PostgreSQL's
 * "C" collation, as migration 0024 ordered them). Every writer of assessment_scores stores
 * this beside them.
 */
export function dimensionScoreArray(
  scores: readonly { dimension: string; score: number }[],
): number[] {
  return [...scores].sort((a, b) => byCodeUnits(a.dimension, b.dimension)).map((s) => s.score);
}

/**
 * The order of `assessments.dimension_scores`: dimension ids by UTF-16 code units (never
 * the locale's collation, which could change with the machine).
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stores the scores and marks the assessment submitted (call inside a transaction). */
export async function recordSubmission(
  trx: Transaction<Database>,
  submission: { id: string; overall: number; band: string; submittedAt: Date; scores: ScoreRow[] },
): Promise<void> {
  await trx.insertInto("assessment_scores").values(submission.scores).execute();
  await trx
    .updateTable("assessments")
    .set({
      status: "submitted",
      overall_score: submission.overall,
      band: submission.band,
      dimension_scores: dimensionScoreArray(submission.scores),
      submitted_at: submission.submittedAt,
      updated_at: submission.submittedAt,
    })
    .where("id", "=", submission.id)
    .execute();
}

/** The per-dimension scores of an assessment, with the profile they were submitted with. */
export async function listScores(
  db: Executor,
  assessmentId: string,
): Promise<
  Pick<
    AssessmentScore,
    | "dimension"
    | "score"
    | "customer_type"
    | "primary_sector"
    | "organisation_type"
    | "primary_area"
    | "size_class"
    | "region"
  >[]
> {
  return db
    .selectFrom("assessment_scores")
    .select([
      "dimension",
      "score",
      "customer_type",
      "primary_sector",
      "organisation_type",
      "primary_area",
      "size_class",
      "region",
    ])
    .where("assessment_id", "=", assessmentId)
    .execute();
}

/** The company's assessment of a questionnaire at a stage, if any. */
export async function findCompanyAssessment(
  db: Executor,
  companyId: string,
  definitionId: string,
  stage: Stage,
): Promise<Assessment | undefined> {
  return db
    .selectFrom("assessments")
    .selectAll()
    .where("company_id", "=", companyId)
    .where("definition_id", "=", definitionId)
    .where("stage", "=", stage)
    .executeTakeFirst();
}

/** The company's latest submitted assessment of a questionnaire, if any. */
export async function findLatestSubmitted(
  db: Executor,
  companyId: string,
  definitionId: string,
): Promise<Assessment | undefined> {
  return db
    .selectFrom("assessments")
    .selectAll()
    .where("company_id", "=", companyId)
    .where("definition_id", "=", definitionId)
    .where("status", "=", "submitted")
    .orderBy("submitted_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** A company by id, if any. */
export async function findCompanyById(db: Executor, id: string): Promise<Company | undefined> {
  return db.selectFrom("companies").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records the first opening of an assessment's link (later openings change nothing). */
export async function markOpened(db: Executor, id: string): Promise<void> {
  await db
    .updateTable("assessments")
    .set({ opened_at: new Date() })
    .where("id", "=", id)
    .where("opened_at", "is", null)
    .execute();
}

/** Locks an assessment's row until the transaction ends (serialises what follows from it). */
export async function lockAssessment(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.selectFrom("assessments").select("id").where("id", "=", id).forUpdate().execute();
}

/** Adds a further link to an assessment; every link it had keeps working. */
export async function addAssessmentLink(
  db: Executor,
  assessmentId: string,
  tokenHash: string,
): Promise<void> {
  await db
    .insertInto("assessment_links")
    .values({ token_hash: tokenHash, assessment_id: assessmentId })
    .execute();
}

/** The company's other assessments (all questionnaires and stages), oldest first. */
export async function listCompanyAssessments(
  db: Executor,
  companyId: string,
): Promise<
  Pick<
    Assessment,
    | "id"
    | "definition_id"
    | "definition_major"
    | "stage"
    | "status"
    | "overall_score"
    | "submitted_at"
  >[]
> {
  return db
    .selectFrom("assessments")
    .select([
      "id",
      "definition_id",
      "definition_major",
      "stage",
      "status",
      "overall_score",
      "submitted_at",
    ])
    .where("company_id", "=", companyId)
    .orderBy("created_at")
    .execute();
}
