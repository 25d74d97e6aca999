import { sql } from "kysely";
import type { Actor } from "../core/staff-policy";
import { companiesOfAdviser } from "./assignments.server";
import { database } from "./db.server";

/**
 * The staff home: an adviser's own companies; for a hub lead, the hub's figures that
 * need their attention (staff, companies, consenting companies still without an adviser).
 */
export async function staffHome(actor: Actor) {
  if (actor.role === "adviser") {
    return { kind: "adviser" as const, companies: await companiesOfAdviser(actor) };
  }
  const { db } = database();
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*)::int from users where status = 'active' and role = 'adviser')`.as(
        "advisers",
      ),
      sql<number>`(select count(*)::int from users where status = 'active' and role = 'hub_lead')`.as(
        "hubLeads",
      ),
      sql<number>`(select count(*)::int from companies)`.as("companies"),
      sql<number>`(select count(*)::int from companies c where c.consent_advisers_at is not null
        and not exists (select 1 from company_assignments a where a.company_id = c.id))`.as(
        "unassigned",
      ),
    ])
    .executeTakeFirstOrThrow();
  return { kind: "hub_lead" as const, figures: row };
}
