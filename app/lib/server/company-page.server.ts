import { listDeliveredServices, listNotes } from "../../../db/queries/company-workspace";
import { canEditNote } from "../core/adviser-forms";
import { isMainDefinition, NEXT_STAGE } from "../core/next-assessments";
import { assignedAdviserIds } from "../../../db/queries/staff";
import { can, type Actor } from "../core/staff-policy";
import type { LanguageId } from "../core/vocabularies";
import { buildGaps, labelItems } from "../view/company-gaps";
import { itemRooms } from "../core/item-gaps";
import type { Service } from "../core/service-catalogue";
import { buildProgress, type ProgressInput } from "../view/company-progress";
import { buildPeerView } from "../view/peer-view";
import { buildResultsView, recommendationItems } from "../view/results-view";
import { scoreChartInput } from "../view/chart-data";
import { customerWording, staffWording } from "../view/translate";
import { getResultsOfAssessment } from "./assessments.server";
import { activeServices } from "./services.server";
import { database } from "./db.server";
import { getDefinitionRegistry } from "./definitions.server";
import { getHubConfig } from "./hub.server";
import { translatorFor } from "./i18n.server";
import type { Stage } from "../../../db/schema";

/**
 * The adviser's workspace of one company, in the staff member's language: progress
 * T0 → T1 → T2, the latest results as the company sees them (with peers and recommended
 * services), the gaps, notes, delivered services, follow-ups, and the choices the forms
 * offer. Call after the guard allowed `company.view`.
 */
export async function companyWorkspace(
  actor: Actor,
  companyId: string,
  lang: LanguageId,
  now = new Date(),
) {
  const { db } = database();
  const registry = getDefinitionRegistry();
  const [assessments, scores, notes, delivered, company] = await Promise.all([
    db
      .selectFrom("assessments")
      .select([
        "id",
        "definition_id",
        "definition_version",
        "definition_major",
        "stage",
        "status",
        "overall_score",
        "created_at",
        "updated_at",
        "submitted_at",
        "opened_at",
      ])
      .where("company_id", "=", companyId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("assessment_scores as s")
      .innerJoin("assessments as a", "a.id", "s.assessment_id")
      .select(["s.assessment_id", "s.dimension", "s.score"])
      .where("a.company_id", "=", companyId)
      .execute(),
    listNotes(db, companyId),
    listDeliveredServices(db, companyId),
    db
      .selectFrom("companies")
      .select(["customer_type"])
      .where("id", "=", companyId)
      .executeTakeFirstOrThrow(),
  ]);
  // The company in the third person: the SME's own pages say "you" (staffWording).
  const t = customerWording(staffWording(translatorFor(lang)), company.customer_type);

  const submitted = assessments.filter(
    (a) => a.status === "submitted" && isMainDefinition(a.definition_id),
  );
  const progressInput: ProgressInput[] = submitted.map((a) => ({
    definitionId: a.definition_id,
    version: a.definition_version,
    major: a.definition_major,
    stage: a.stage,
    submittedAt: a.submitted_at!,
    overall: a.overall_score ?? 0,
    scores: Object.fromEntries(
      scores.filter((s) => s.assessment_id === a.id).map((s) => [s.dimension, s.score]),
    ),
  }));
  const progress = buildProgress(progressInput, (id, version) =>
    (registry.get(id, version)?.definition.dimensions ?? []).map((d) => ({
      id: d.id,
      label: d.name[lang],
    })),
  );

  const latestSubmitted = [...submitted].sort(
    (a, b) => b.submitted_at!.getTime() - a.submitted_at!.getTime(),
  )[0];
  const catalogue = await activeServices(db);
  const latest = latestSubmitted
    ? await latestResults(companyId, latestSubmitted.id, lang, t, catalogue)
    : undefined;

  // Follow-ups: per main questionnaire, the stage after the latest submitted one.
  const followUps = [...new Set(submitted.map((a) => a.definition_id))].map((definitionId) => {
    const ofDefinition = submitted.filter((a) => a.definition_id === definitionId);
    const last = ofDefinition.sort(
      (a, b) => b.submitted_at!.getTime() - a.submitted_at!.getTime(),
    )[0];
    const nextStage = NEXT_STAGE[last.stage as Stage];
    const existing = nextStage
      ? assessments.find((a) => a.definition_id === definitionId && a.stage === nextStage)
      : undefined;
    return {
      definitionId,
      nextStage: nextStage ?? null,
      existing: existing
        ? {
            status: existing.status,
            issuedAt: existing.created_at,
            openedAt: existing.opened_at,
            savedAt: existing.updated_at,
            submittedAt: existing.submitted_at,
          }
        : null,
    };
  });

  return {
    progress,
    latest,
    followUps,
    notes: notes.map((n) => ({
      id: n.id,
      body: n.body,
      authorName: n.author_name,
      createdAt: n.created_at,
      updatedAt: n.updated_at,
      version: n.updated_at.toISOString(),
      editable: canEditNote(n, actor.id, now),
    })),
    delivered: delivered.map((d) => ({
      id: d.id,
      title: d.title,
      category: d.category,
      technologyType: d.technology_type,
      description: d.description,
      priceEur: Number(d.price_eur),
      attendees: d.attendees,
      startDate: d.start_date,
      endDate: d.end_date,
      partnerName: getHubConfig().partners.find((p) => p.id === d.partner_id)?.name ?? null,
      recommendationRank: d.recommendation_rank,
      createdByName: d.created_by_name,
    })),
    choices: {
      services: catalogue.map((s) => ({ id: s.id, name: s.name[lang], category: s.category })),
      partners: getHubConfig().partners.map((p) => ({ id: p.id, name: p.name })),
      recommendations:
        latest?.recommendations.map((r) => ({
          value: `${latest.assessmentId}:${r.rank}`,
          label: `${r.rank}. ${r.name}`,
        })) ?? [],
    },
  };
}

/** The latest submitted results as the company sees them, and the gaps they leave. */
async function latestResults(
  companyId: string,
  assessmentId: string,
  lang: LanguageId,
  t: (key: string, variables?: Record<string, string | number>) => string,
  catalogue: readonly Service[],
) {
  const found = await getResultsOfAssessment(companyId, assessmentId);
  if (!found) return undefined;
  const { assessment, entry, result, answers, peers, recommendations } = found;
  const view = buildResultsView(entry.definition, result, answers, lang, {
    noneSelected: t("results.noneSelected"),
    notAnswered: t("results.notAnswered"),
  });
  const peerView = buildPeerView(peers, entry.definition, lang, t);
  const weights = await database()
    .db.selectFrom("recommendations")
    .select(["rank", "weight"])
    .where("assessment_id", "=", assessmentId)
    .execute();
  const items = recommendationItems(recommendations, lang);
  const rooms = itemRooms(assessment.definition_id, entry.definition, answers, catalogue);
  const gaps = buildGaps(
    view.dimensions.map((d) => ({ id: d.id, label: d.name, score: d.score })),
    recommendations.map((r) => ({
      rank: r.rank,
      name: r.name[lang],
      reason: r.reason[lang],
      dimension: String((r.trigger as { dimension?: unknown }).dimension ?? ""),
      weight: weights.find((w) => w.rank === r.rank)?.weight ?? 0,
    })),
    labelItems(
      entry.definition,
      rooms,
      (id) => catalogue.find((s) => s.id === id)?.name[lang] ?? id,
      lang,
    ),
  );
  // The questions whose answers triggered a recommendation, to highlight them.
  const triggered = new Set(
    recommendations
      .map((r) => (r.trigger as { question?: unknown }).question)
      .filter((q): q is string => typeof q === "string"),
  );
  return {
    assessmentId,
    stage: assessment.stage,
    version: entry.version,
    submittedAt: result.submittedAt,
    view,
    peerView,
    chartInput: scoreChartInput(view, peerView, {
      company: t("results.company"),
      peerMedian: t("results.peerMedian"),
      peerRange: t("results.peerRange"),
    }),
    recommendations: items,
    gaps,
    triggeredQuestions: [...triggered],
  };
}

/** Which of the workspace's forms `actor` may use on the company (the policy's answer). */
export async function workspacePermissions(actor: Actor, companyId: string) {
  const { db } = database();
  const company = await db
    .selectFrom("companies")
    .select(["consent_advisers_at"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
  const resource = {
    kind: "company" as const,
    id: companyId,
    consentAdvisers: company.consent_advisers_at !== null,
    assignedAdviserIds: await assignedAdviserIds(db, companyId),
  };
  return {
    note: can(actor, "company.note.write", resource),
    service: can(actor, "company.service.record", resource),
    followUp: can(actor, "company.followup.issue", resource),
    export: can(actor, "company.export", resource),
    erase: can(actor, "company.erase", resource),
  };
}
