import { database } from "../../app/lib/server/db.server";
import { refreshCompanyLatest } from "../../db/queries/company-latest";
import { assignCompany } from "../../app/lib/server/assignments.server";
import { disableStaff } from "../../app/lib/server/staff.server";
import { createTestStaff, signInCookie } from "./staff";

/** Inserts a company (consenting to advisers or not); returns its id. */
export async function insertTestCompany(name: string, consentAdvisers: boolean): Promise<string> {
  const row = await database()
    .db.insertInto("companies")
    .values({
      name,
      org_number: null,
      country: "SE",
      size_class: "small",
      primary_sector: "manufacturing",
      region: "skane",
      contact_name: "Anna Berg",
      contact_email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.se`,
      consent_advisers_at: consentAdvisers ? new Date() : null,
      consent_benchmark_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Every company has its client-list row, as when the app creates one (migration 0025).
  await refreshCompanyLatest(database().db, [row.id]);
  return row.id;
}

/**
 * The cast of the authorisation tests: a hub lead, two advisers of two partners (each
 * with a consenting company of their own, the first also with one that did not consent),
 * a disabled adviser, and their signed-in cookies (the disabled one's signed in before
 * the account was disabled).
 */
export async function createStaffCast(prefix = "") {
  const lead = await createTestStaff(`${prefix}lead@example.se`, "hub_lead", "mobile-heights");
  const adviser = await createTestStaff(`${prefix}adviser@example.se`, "adviser", "iuc-syd");
  const other = await createTestStaff(`${prefix}other@example.se`, "adviser", "techtank");
  const disabled = await createTestStaff(`${prefix}disabled@example.se`, "adviser", "rise");
  const ownCompany = await insertTestCompany(`${prefix}Own Company AB`, true);
  const unconsentedCompany = await insertTestCompany(`${prefix}Private Company AB`, false);
  const otherCompany = await insertTestCompany(`${prefix}Other Company AB`, true);
  const by = { actor: null, ip: null };
  await assignCompany(ownCompany, adviser.id, by);
  await assignCompany(unconsentedCompany, adviser.id, by);
  await assignCompany(otherCompany, other.id, by);
  await assignCompany(ownCompany, disabled.id, by);
  const cookies = {
    anonymous: undefined,
    adviser: await signInCookie(adviser.email),
    other: await signInCookie(other.email),
    lead: await signInCookie(lead.email),
    disabled: await signInCookie(disabled.email),
  };
  await disableStaff(disabled.id, by);
  return {
    users: { lead, adviser, other, disabled },
    companies: { own: ownCompany, unconsented: unconsentedCompany, other: otherCompany },
    cookies,
  };
}

export type StaffCast = Awaited<ReturnType<typeof createStaffCast>>;
export type CastMember = keyof StaffCast["cookies"];
export const CAST: CastMember[] = ["anonymous", "adviser", "other", "lead", "disabled"];
