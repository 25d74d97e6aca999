import { sql } from "kysely";
import type { Executor } from "../database";

/** A company as the staff home and the assignment page list it. */
export interface CompanySummary {
  id: string;
  name: string;
  org_number: string | null;
  region: string;
  /** Null for a public sector organisation, which has a government area instead. */
  primary_sector: string | null;
  primary_area: string | null;
  size_class: string;
  consent_advisers: boolean;
  /** The latest submitted assessment's overall score and band, if any. */
  overall_score: number | null;
  band: string | null;
  submitted_at: Date | null;
}

function summaries(db: Executor) {
  return db
    .selectFrom("companies as c")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("assessments as a")
          .select(["a.overall_score", "a.band", "a.submitted_at"])
          .whereRef("a.company_id", "=", "c.id")
          .where("a.status", "=", "submitted")
          .orderBy("a.submitted_at", "desc")
          .limit(1)
          .as("latest"),
      (join) => join.onTrue(),
    )
    .select([
      "c.id",
      "c.name",
      "c.org_number",
      "c.region",
      "c.primary_sector",
      "c.primary_area",
      "c.size_class",
      sql<boolean>`c.consent_advisers_at is not null`.as("consent_advisers"),
      "latest.overall_score",
      "latest.band",
      "latest.submitted_at",
    ]);
}

/**
 * The companies assigned to an adviser that an adviser may see (they consented to share
 * identifiable results with advisers), by name.
 */
export async function listCompaniesForAdviser(
  db: Executor,
  userId: string,
): Promise<CompanySummary[]> {
  return summaries(db)
    .innerJoin("company_assignments as ca", "ca.company_id", "c.id")
    .where("ca.user_id", "=", userId)
    .where("c.consent_advisers_at", "is not", null)
    .orderBy("c.name")
    .execute();
}

/** Companies whose name or organisation number contains `query` (at most `limit`). */
export async function searchCompanies(
  db: Executor,
  query: string,
  limit: number,
): Promise<CompanySummary[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const digits = query.replace(/\D/g, "");
  return summaries(db)
    .where((eb) =>
      eb.or([
        eb("c.name", "ilike", pattern),
        ...(digits.length >= 4 ? [eb("c.org_number", "like", `%${digits}%`)] : []),
      ]),
    )
    .orderBy("c.name")
    .limit(limit)
    .execute();
}

/** One company's summary, or undefined. */
export async function findCompanySummary(
  db: Executor,
  id: string,
): Promise<CompanySummary | undefined> {
  return summaries(db).where("c.id", "=", id).executeTakeFirst();
}

/** The ids of the advisers assigned to each of `companyIds`. */
export async function assignmentsOf(
  db: Executor,
  companyIds: string[],
): Promise<{ company_id: string; user_id: string }[]> {
  if (companyIds.length === 0) return [];
  return db
    .selectFrom("company_assignments")
    .select(["company_id", "user_id"])
    .where("company_id", "in", companyIds)
    .execute();
}

/** The consenting companies with no adviser yet, oldest first (demo assignment). */
export async function listUnassignedConsentingCompanies(
  db: Executor,
  regions: readonly string[],
  limit: number,
): Promise<{ id: string }[]> {
  return db
    .selectFrom("companies as c")
    .select("c.id")
    .where("c.consent_advisers_at", "is not", null)
    .where("c.region", "in", regions as string[])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("company_assignments as ca")
            .select("ca.company_id")
            .whereRef("ca.company_id", "=", "c.id"),
        ),
      ),
    )
    .orderBy("c.created_at")
    .orderBy("c.id")
    .limit(limit)
    .execute();
}
