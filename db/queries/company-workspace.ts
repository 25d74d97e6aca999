import { sql } from "kysely";
import type { Executor } from "../database";
import type { CompanyNote, DeliveredService, NewDeliveredService } from "../schema";

/** A note with its author's name (null when the account is gone). */
export type NoteWithAuthor = CompanyNote & { author_name: string | null };

/** A company's notes, newest first (at most `limit`). */
export async function listNotes(
  db: Executor,
  companyId: string,
  limit = 500,
): Promise<NoteWithAuthor[]> {
  return db
    .selectFrom("company_notes as n")
    .leftJoin("users as u", "u.id", "n.author_id")
    .selectAll("n")
    .select("u.name as author_name")
    .where("n.company_id", "=", companyId)
    .orderBy("n.created_at", "desc")
    .orderBy("n.id")
    .limit(limit)
    .execute();
}

export async function findNote(
  db: Executor,
  companyId: string,
  noteId: string,
): Promise<CompanyNote | undefined> {
  return db
    .selectFrom("company_notes")
    .selectAll()
    .where("company_id", "=", companyId)
    .where("id", "=", noteId)
    .executeTakeFirst();
}

export async function insertNote(
  db: Executor,
  note: { company_id: string; author_id: string; body: string },
): Promise<string> {
  const row = await db
    .insertInto("company_notes")
    .values(note)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Replaces a note's body only if it is still at `version` (its updated_at): returns false
 * when someone changed it since (a stale edit), and nothing is written.
 */
export async function updateNoteIfUnchanged(
  db: Executor,
  noteId: string,
  version: Date,
  body: string,
): Promise<boolean> {
  const result = await db
    .updateTable("company_notes")
    .set({ body, updated_at: new Date() })
    .where("id", "=", noteId)
    // The version travels as an ISO time (milliseconds); PostgreSQL keeps microseconds.
    .where(sql<Date>`date_trunc('milliseconds', updated_at)`, "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A delivered service with the name of whoever recorded it. */
export type DeliveredServiceRow = DeliveredService & { created_by_name: string | null };

/** A company's delivered services, newest start first. */
export async function listDeliveredServices(
  db: Executor,
  companyId: string,
): Promise<DeliveredServiceRow[]> {
  return db
    .selectFrom("delivered_services as d")
    .leftJoin("users as u", "u.id", "d.created_by")
    .selectAll("d")
    .select("u.name as created_by_name")
    .where("d.company_id", "=", companyId)
    .orderBy("d.start_date", "desc")
    .orderBy("d.created_at", "desc")
    .execute();
}

export async function insertDeliveredService(
  db: Executor,
  row: NewDeliveredService,
): Promise<string> {
  const inserted = await db
    .insertInto("delivered_services")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Removes a delivered service of the company; whether it existed. */
export async function deleteDeliveredService(
  db: Executor,
  companyId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("delivered_services")
    .where("company_id", "=", companyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/**
 * A company's profile and consents, and its assessments oldest first: what the staff page
 * shows and the GDPR export hands over (`answers`: with each assessment's language, answers
 * and last change, for the export only). Throws when the company does not exist.
 */
export async function findCompanyRecord(
  db: Executor,
  companyId: string,
  options: { answers: boolean },
) {
  const [company, assessments] = await Promise.all([
    db
      .selectFrom("companies")
      .select([
        "id",
        "name",
        "org_number",
        "country",
        "customer_type",
        "size_class",
        "primary_sector",
        "secondary_sector",
        "organisation_type",
        "primary_area",
        "secondary_area",
        "region",
        "contact_name",
        "contact_role",
        "contact_email",
        "consent_advisers_at",
        "consent_benchmark_at",
        "created_at",
        "updated_at",
      ])
      .where("id", "=", companyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("assessments")
      .select([
        "id",
        "definition_id",
        "definition_version",
        "stage",
        "status",
        "overall_score",
        "band",
        "created_at",
        "submitted_at",
      ])
      .$if(options.answers, (q) => q.select(["language", "answers", "updated_at"]))
      .where("company_id", "=", companyId)
      .orderBy("created_at")
      .execute(),
  ]);
  return { company, assessments };
}
