import { findCompanyRecord } from "../../../db/queries/company-workspace";
import type { Actor } from "../core/staff-policy";
import { audit } from "./audit.server";
import { database } from "./db.server";

/**
 * A company's identifiable profile, consents and assessments for the staff page, after
 * the guard allowed `company.view`. Every call is a view of identifiable data and is
 * audit-logged.
 */
export async function viewCompany(actor: Actor, companyId: string, ip: string | null) {
  const { db } = database();
  const { company, assessments } = await findCompanyRecord(db, companyId, { answers: false });
  const advisers = await db
    .selectFrom("company_assignments as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["u.id", "u.name", "u.partner_id"])
    .where("a.company_id", "=", companyId)
    .orderBy("u.name")
    .execute();
  await audit({ actor, action: "company.viewed", target: { type: "company", id: companyId }, ip });
  return { company, assessments, advisers };
}
