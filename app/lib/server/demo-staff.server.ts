import { listUnassignedConsentingCompanies } from "../../../db/queries/company-assignments";
import { findUserByEmail, insertAssignment } from "../../../db/queries/staff";
import type { RegionId } from "../core/vocabularies";
import type { StaffRole } from "../core/staff-policy";
import { database } from "./db.server";
import { createStaffAccount } from "./staff.server";

/** The demo accounts' password (printed in the README and on the sign-in page). */
export const DEMO_PASSWORD = "mognad-demo-2026";

/** Companies assigned to each demo adviser. */
export const DEMO_COMPANIES_PER_ADVISER = 20;

/** The demo hub lead and two advisers of two partner organisations. */
export const DEMO_ACCOUNTS: readonly {
  email: string;
  name: string;
  role: StaffRole;
  partnerId: string;
  regions: readonly RegionId[];
}[] = [
  {
    email: "hubblead@demo.mognad.example",
    name: "Hanna Lind",
    role: "hub_lead",
    partnerId: "mobile-heights",
    regions: [],
  },
  {
    email: "radgivare.skane@demo.mognad.example",
    name: "Erik Nilsson",
    role: "adviser",
    partnerId: "iuc-syd",
    regions: ["skane"],
  },
  {
    email: "radgivare.blekinge@demo.mognad.example",
    name: "Sara Ek",
    role: "adviser",
    partnerId: "techtank",
    regions: ["blekinge", "kronoberg"],
  },
];

/**
 * Creates the demo accounts (skipping any that exist) and assigns each adviser about 20
 * consenting demo companies of their partner's regions. Returns the accounts created.
 */
export async function seedDemoStaff(): Promise<number> {
  const { db } = database();
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, account.email)) continue;
    const { user } = await createStaffAccount(
      {
        email: account.email,
        name: account.name,
        role: account.role,
        partnerId: account.partnerId,
      },
      { actor: null, ip: null },
      { password: DEMO_PASSWORD },
    );
    created++;
    if (account.role !== "adviser") continue;
    const companies = await listUnassignedConsentingCompanies(
      db,
      account.regions,
      DEMO_COMPANIES_PER_ADVISER,
    );
    for (const company of companies) {
      await insertAssignment(db, { company_id: company.id, user_id: user.id, assigned_by: null });
    }
  }
  return created;
}

/** The demo accounts that exist, for the sign-in page (empty on a real deployment). */
export async function existingDemoAccounts(): Promise<
  { email: string; name: string; role: StaffRole }[]
> {
  const { db } = database();
  const found = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await findUserByEmail(db, account.email);
    if (user && user.status === "active")
      found.push({ email: user.email, name: user.name, role: user.role });
  }
  return found;
}
