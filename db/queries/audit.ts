import { sql } from "kysely";
import type { Executor } from "../database";
import type { AuditEntry } from "../schema";

/** One entry to append to the audit log. */
export interface NewAuditEntry {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends an entry. This module has no update or delete: the log is append-only (and
 * the database's trigger refuses both).
 */
export async function appendAuditEntry(db: Executor, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      actor_email: entry.actorEmail,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}

/** The filters of the audit page (all optional; dates are inclusive UTC days). */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

function filtered(db: Executor, filter: AuditFilter) {
  let query = db.selectFrom("audit_log");
  if (filter.actorId) query = query.where("actor_id", "=", filter.actorId);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.from) query = query.where("at", ">=", sql<Date>`${filter.from}::date`);
  if (filter.to) query = query.where("at", "<", sql<Date>`${filter.to}::date + 1`);
  return query;
}

/** One page of entries, newest first, and the total that match. */
export async function listAuditEntries(
  db: Executor,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const [entries, count] = await Promise.all([
    filtered(db, filter)
      .selectAll()
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, filter)
      .select(sql<number>`count(*)::int`.as("count"))
      .executeTakeFirstOrThrow(),
  ]);
  return { entries, total: count.count };
}

/** Every matching entry, newest first, in batches (for the CSV download). */
export async function* streamAuditEntries(
  db: Executor,
  filter: AuditFilter,
  batch = 1_000,
): AsyncGenerator<AuditEntry[]> {
  let before: { at: Date; id: string } | undefined;
  for (;;) {
    let query = filtered(db, filter).selectAll();
    if (before) {
      const { at, id } = before;
      query = query.where(sql<boolean>`(at, id) < (${at}, ${id}::bigint)`);
    }
    const rows = await query.orderBy("at", "desc").orderBy("id", "desc").limit(batch).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    before = { at: last.at, id: String(last.id) };
  }
}

/** The distinct actions recorded, for the filter's choices. */
export async function listAuditActions(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select("action")
    .distinct()
    .orderBy("action")
    .execute();
  return rows.map((r) => r.action);
}
