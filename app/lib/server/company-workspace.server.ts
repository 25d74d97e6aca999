import {
  deleteDeliveredService,
  findNote,
  insertDeliveredService,
  insertNote,
  updateNoteIfUnchanged,
} from "../../../db/queries/company-workspace";
import { findCompanyById } from "../../../db/queries/assessments";
import { canEditNote, type DeliveredServiceForm } from "../core/adviser-forms";
import type { Actor } from "../core/staff-policy";
import type { LanguageId } from "../core/vocabularies";
import { followUpMail } from "../view/follow-up-mail";
import { AssessmentError, issueFollowUpFor } from "./assessments.server";
import { audit } from "./audit.server";
import { database } from "./db.server";
import { withCompanyChange } from "./company-changes.server";
import { getHubConfig } from "./hub.server";
import { translatorFor } from "./i18n.server";
import { sendMail } from "./mail.server";

/**
 * A workspace change refused: `field` names the form field the message belongs beside
 * (or "form"), `code` is a key of `adviser.errors.*`.
 */
export class WorkspaceError extends Error {
  constructor(
    readonly code: string,
    readonly field = "form",
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(code);
    this.name = "WorkspaceError";
  }
}

interface By {
  actor: Actor;
  ip: string | null;
}

/** Adds a note to a company; audit-logged (the entry holds the note's id, not its text). */
export async function addNote(companyId: string, body: string, by: By): Promise<string> {
  return database()
    .db.transaction()
    .execute(async (trx) => {
      const id = await insertNote(trx, { company_id: companyId, author_id: by.actor.id, body });
      await audit(
        {
          actor: by.actor,
          action: "company.note_added",
          target: { type: "company", id: companyId },
          details: { noteId: id },
          ip: by.ip,
        },
        trx,
      );
      return id;
    });
}

/**
 * Edits a note: only its author, within 24 hours of writing it, and only from the version
 * they saw (`version`, its updated_at as ISO text); a stale edit is refused, not merged.
 */
export async function editNote(
  companyId: string,
  edit: { noteId: string; body: string; version: string },
  by: By,
  now = new Date(),
): Promise<void> {
  const { db } = database();
  const note = await findNote(db, companyId, edit.noteId);
  if (!note) throw new WorkspaceError("unknownNote", "form", 404);
  if (!canEditNote(note, by.actor.id, now)) throw new WorkspaceError("notEditable", "form", 409);
  const version = new Date(edit.version);
  if (Number.isNaN(version.getTime())) throw new WorkspaceError("stale", "form", 409);
  await db.transaction().execute(async (trx) => {
    if (!(await updateNoteIfUnchanged(trx, note.id, version, edit.body))) {
      throw new WorkspaceError("stale", "form", 409);
    }
    await audit(
      {
        actor: by.actor,
        action: "company.note_edited",
        target: { type: "company", id: companyId },
        details: { noteId: note.id },
        ip: by.ip,
      },
      trx,
    );
  });
}

/**
 * Records what the hub delivered to a company. A catalogue service gives the title and
 * category (its name at the time, in Swedish); the partner must be one of the hub file's;
 * the recommendation must be one of this company's.
 */
export async function recordDeliveredService(
  companyId: string,
  form: DeliveredServiceForm,
  by: By,
): Promise<string> {
  const { db } = database();
  let title = form.title;
  let category = form.category;
  let serviceVersionId: number | null = null;
  if (form.serviceId) {
    const service = await db
      .selectFrom("services as s")
      .innerJoin("service_versions as v", "v.id", "s.version_id")
      .select(["v.id", "v.name_sv", "v.category"])
      .where("s.id", "=", form.serviceId)
      .executeTakeFirst();
    if (!service) throw new WorkspaceError("unknownService", "serviceId");
    title = title ?? service.name_sv;
    category = service.category;
    serviceVersionId = service.id;
  }
  if (form.partnerId && !getHubConfig().partners.some((p) => p.id === form.partnerId)) {
    throw new WorkspaceError("unknownPartner", "partnerId");
  }
  let recommendation: { assessmentId: string; rank: number } | undefined;
  if (form.recommendation) {
    const [assessmentId, rank] = form.recommendation.split(":");
    const found = await db
      .selectFrom("recommendations as r")
      .innerJoin("assessments as a", "a.id", "r.assessment_id")
      .select("r.rank")
      .where("a.company_id", "=", companyId)
      .where("r.assessment_id", "=", assessmentId)
      .where("r.rank", "=", Number(rank))
      .executeTakeFirst();
    if (!found) throw new WorkspaceError("unknownRecommendation", "recommendation");
    recommendation = { assessmentId, rank: Number(rank) };
  }
  return db.transaction().execute(async (trx) => {
    // The dashboard counts delivered services (service demand, effect by category).
    const id = await withCompanyChange(trx, [companyId], () =>
      insertDeliveredService(trx, {
        company_id: companyId,
        service_id: form.serviceId ?? null,
        service_version_id: serviceVersionId,
        title: title!,
        category: category!,
        technology_type: form.technologyType,
        description: form.description,
        price_eur: form.priceEur.toFixed(2),
        attendees: form.attendees ?? null,
        start_date: form.startDate,
        end_date: form.endDate,
        partner_id: form.partnerId ?? null,
        recommendation_assessment_id: recommendation?.assessmentId ?? null,
        recommendation_rank: recommendation?.rank ?? null,
        created_by: by.actor.id,
      }),
    );
    await audit(
      {
        actor: by.actor,
        action: "company.service_recorded",
        target: { type: "company", id: companyId },
        details: { deliveredServiceId: id, category },
        ip: by.ip,
      },
      trx,
    );
    return id;
  });
}

/** Removes a delivered service recorded by mistake; audit-logged. */
export async function removeDeliveredService(companyId: string, id: string, by: By): Promise<void> {
  await database()
    .db.transaction()
    .execute(async (trx) => {
      const deleted = await withCompanyChange(trx, [companyId], () =>
        deleteDeliveredService(trx, companyId, id),
      );
      if (!deleted) {
        throw new WorkspaceError("unknownService", "form", 404);
      }
      await audit(
        {
          actor: by.actor,
          action: "company.service_removed",
          target: { type: "company", id: companyId },
          details: { deliveredServiceId: id },
          ip: by.ip,
        },
        trx,
      );
    });
}

/**
 * Issues the follow-up (T1 or T2) of a company's questionnaire: its private link, emailed to
 * the company's contact in the assessment's language when SMTP is configured. Audit-logged
 * (without the link, which is as good as a password).
 */
export async function issueFollowUp(
  companyId: string,
  definitionId: string,
  origin: string,
  by: By,
): Promise<{ url: string; stage: string; emailed: boolean }> {
  let issued;
  try {
    issued = await issueFollowUpFor(companyId, definitionId);
  } catch (error) {
    if (error instanceof AssessmentError) throw new WorkspaceError("noFollowUp", "form", 409);
    throw error;
  }
  const url = `${origin.replace(/\/$/, "")}/a/${issued.token}`;
  const company = await findCompanyById(database().db, companyId);
  let emailed = false;
  if (company?.contact_email) {
    const lang = issued.language as LanguageId;
    const t = translatorFor(lang);
    emailed = await sendMail({
      to: company.contact_email,
      ...followUpMail(t, {
        name: company.contact_name ?? company.name,
        hub: getHubConfig().name[lang],
        stage: issued.stage,
        url,
      }),
    });
  }
  await audit({
    actor: by.actor,
    action: "company.followup_issued",
    target: { type: "company", id: companyId },
    details: { assessmentId: issued.assessmentId, stage: issued.stage, emailed },
    ip: by.ip,
  });
  return { url, stage: issued.stage, emailed };
}
