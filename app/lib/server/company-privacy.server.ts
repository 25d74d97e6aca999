import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { findAssessmentByTokenHash } from "../../../db/queries/assessments";
import { refreshCompanyLatest } from "../../../db/queries/company-latest";
import {
  findCompanyRecord,
  listDeliveredServices,
  listNotes,
} from "../../../db/queries/company-workspace";
import { isWellFormedToken, hashResumeToken } from "./resume-token.server";
import type { Actor } from "../core/staff-policy";
import { audit } from "./audit.server";
import { database } from "./db.server";
import { withCompanyChange } from "./company-changes.server";
import { WorkspaceError } from "./company-workspace.server";

/** What an erased company is called from then on (its real name is gone). */
export const ERASED_NAME = "(erased)";

/**
 * Everything the hub holds about a company, as JSON (a GDPR access request): profile and
 * consents, every assessment with its answers, scores and recommendations, delivered
 * services and, for the hub's own export only, the advisers' notes.
 */
export async function exportCompanyData(companyId: string, options: { withNotes: boolean }) {
  const { db } = database();
  const { company, assessments } = await findCompanyRecord(db, companyId, { answers: true });
  const ids = assessments.map((a) => a.id);
  const [scores, recommendations] = ids.length
    ? await Promise.all([
        db
          .selectFrom("assessment_scores")
          .select(["assessment_id", "dimension", "score"])
          .where("assessment_id", "in", ids)
          .execute(),
        db
          .selectFrom("recommendations as r")
          .innerJoin("service_versions as v", "v.id", "r.service_version_id")
          .select([
            "r.assessment_id",
            "r.rank",
            "v.service_id",
            "v.category",
            "v.name_sv",
            "v.name_en",
            "r.trigger",
          ])
          .where("r.assessment_id", "in", ids)
          .orderBy("r.rank")
          .execute(),
      ])
    : [[], []];
  const delivered = await listDeliveredServices(db, companyId);
  const notes = options.withNotes ? await listNotes(db, companyId) : [];
  return {
    exportedAt: new Date().toISOString(),
    organisation: company,
    assessments: assessments.map((a) => ({
      ...a,
      scores: Object.fromEntries(
        scores.filter((s) => s.assessment_id === a.id).map((s) => [s.dimension, s.score]),
      ),
      recommendations: recommendations
        .filter((r) => r.assessment_id === a.id)
        .map(({ assessment_id: _a, ...r }) => (void _a, r)),
    })),
    deliveredServices: delivered.map((d) => ({
      title: d.title,
      serviceId: d.service_id,
      category: d.category,
      technologyType: d.technology_type,
      description: d.description,
      priceEur: Number(d.price_eur),
      attendees: d.attendees,
      startDate: d.start_date.toISOString().slice(0, 10),
      endDate: d.end_date.toISOString().slice(0, 10),
      partnerId: d.partner_id,
    })),
    ...(options.withNotes
      ? {
          notes: notes.map((n) => ({
            body: n.body,
            author: n.author_name,
            createdAt: n.created_at,
            updatedAt: n.updated_at,
          })),
        }
      : {}),
  };
}

/** The company of a private link (any of its assessments' links), or undefined. */
export async function companyOfToken(token: string | undefined): Promise<string | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const found = await findAssessmentByTokenHash(database().db, hashResumeToken(token));
  return found?.company.id;
}

export const CONSENTS = ["advisers", "benchmark"] as const;
export type Consent = (typeof CONSENTS)[number];

/**
 * Withdraws a consent, from the company's private link. The benchmark consent takes the
 * company out of the peer statistics in the same transaction; the advisers' consent takes
 * it off the advisers' lists at once (the policy reads the column). Audit-logged without
 * personal data. Withdrawing twice changes nothing more.
 */
export async function withdrawConsent(companyId: string, consent: Consent): Promise<void> {
  await database()
    .db.transaction()
    .execute(async (trx) => {
      const column = consent === "advisers" ? "consent_advisers_at" : "consent_benchmark_at";
      // The benchmark consent takes the company out of the peer statistics (the hook).
      const changed = await withCompanyChange(trx, [companyId], () =>
        trx
          .updateTable("companies")
          .set({ [column]: null, updated_at: new Date() })
          .where("id", "=", companyId)
          .where(column, "is not", null)
          .executeTakeFirst(),
      );
      if (changed.numUpdatedRows > 0n) {
        await audit(
          {
            actor: null,
            action: "company.consent_withdrawn",
            target: { type: "company", id: companyId },
            details: { consent },
          },
          trx,
        );
      }
    });
}

/**
 * Erases a company (hub lead, confirmed by typing its name): its name, organisation
 * number, contact, answers (free texts included), notes, delivered services' free texts,
 * assignments and private links go; the anonymous profile and scores stay in the
 * statistics. Audit-logged with the company's id only.
 */
export async function eraseCompany(
  companyId: string,
  typedName: string,
  by: { actor: Actor; ip: string | null },
): Promise<void> {
  const { db } = database();
  await db.transaction().execute(async (trx) => {
    const company = await trx
      .selectFrom("companies")
      .select(["name", "peer_key"])
      .where("id", "=", companyId)
      .forUpdate()
      .executeTakeFirst();
    if (!company) throw new WorkspaceError("unknownCompany", "form", 404);
    if (company.name === ERASED_NAME) throw new WorkspaceError("alreadyErased", "form", 409);
    if (typedName.trim() !== company.name.trim()) {
      throw new WorkspaceError("nameMismatch", "confirmName");
    }
    // Its peer key was made of the org number: its scores move to a key of its own id, and
    // its partner organisation on the dashboard goes with its assignments.
    await withCompanyChange(trx, [companyId], () => eraseRows(trx, companyId), {
      formerPeerKeys: new Map([[companyId, company.peer_key]]),
    });
    await audit(
      {
        actor: by.actor,
        action: "company.erased",
        target: { type: "company", id: companyId },
        ip: by.ip,
      },
      trx,
    );
    // The client list's row holds no personal data; it is brought up to date all the same.
    await refreshCompanyLatest(trx, [companyId]);
  });
}

/** The rows an erasure changes: personal data and free texts go, anonymous facts stay. */
async function eraseRows(trx: Transaction<Database>, companyId: string): Promise<void> {
  await trx
    .updateTable("companies")
    .set({
      name: ERASED_NAME,
      org_number: null,
      contact_name: null,
      contact_role: null,
      contact_email: null,
      consent_advisers_at: null,
      updated_at: new Date(),
    })
    .where("id", "=", companyId)
    .execute();
  await trx.deleteFrom("company_notes").where("company_id", "=", companyId).execute();
  await trx.deleteFrom("company_assignments").where("company_id", "=", companyId).execute();
  // The link of every assessment stops working; answers (which may hold free texts) go.
  const assessments = await trx
    .selectFrom("assessments")
    .select("id")
    .where("company_id", "=", companyId)
    .execute();
  for (const a of assessments) {
    await trx
      .updateTable("assessments")
      .set({
        answers: "{}",
        resume_token_hash: `erased-${randomBytes(16).toString("hex")}`,
      })
      .where("id", "=", a.id)
      .execute();
    await trx.deleteFrom("assessment_links").where("assessment_id", "=", a.id).execute();
  }
  // Delivered services stay counted for the Commission's reporting, without free texts.
  await trx
    .updateTable("delivered_services")
    .set((eb) => ({
      description: "",
      title: eb.case().when("service_id", "is", null).then("(erased)").else(eb.ref("title")).end(),
      updated_at: new Date(),
    }))
    .where("company_id", "=", companyId)
    .execute();
}
