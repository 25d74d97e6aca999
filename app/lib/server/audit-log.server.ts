import { z } from "zod";
import {
  listAuditActions,
  listAuditEntries,
  streamAuditEntries,
  type AuditFilter,
} from "../../../db/queries/audit";
import { listUsers } from "../../../db/queries/staff";
import { isCalendarDate } from "../core/calendar-date";
import { csvLine } from "../core/csv";
import { database } from "./db.server";

/** Entries per page of /hub/audit. */
export const AUDIT_PAGE_SIZE = 50;

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
  .refine(isCalendarDate, "must be a real date (1900–2999)");

/** The audit page's query string: filters (all optional) and the page. */
export const AuditQuerySchema = z.object({
  person: z.union([z.literal(""), z.string().uuid()]).optional(),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z_.]*$/, "must be an action id")
    .optional(),
  from: z.union([z.literal(""), DateSchema]).optional(),
  to: z.union([z.literal(""), DateSchema]).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/**
 * Parses the audit page's query string; a bad value is a 400 naming the parameter
 * (never a 500, never a silently different result).
 */
export function parseAuditQuery(url: URL): AuditQuery {
  const parsed = AuditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Response(`${issue.path.join(".")}: ${issue.message}`, { status: 400 });
  }
  return parsed.data;
}

function filterOf(query: AuditQuery): AuditFilter {
  return {
    actorId: query.person || undefined,
    action: query.action || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
  };
}

/** One page of the audit log with the filter's choices (people, actions). */
export async function auditPage(query: AuditQuery) {
  const { db } = database();
  const { entries, total } = await listAuditEntries(db, filterOf(query), {
    limit: AUDIT_PAGE_SIZE,
    offset: (query.page - 1) * AUDIT_PAGE_SIZE,
  });
  const people = (await listUsers(db)).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  return {
    entries: entries.map((e) => ({
      id: String(e.id),
      at: e.at,
      actorEmail: e.actor_email,
      action: e.action,
      targetType: e.target_type,
      targetId: e.target_id,
      details: e.details,
      ip: e.ip,
    })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    people,
    actions: await listAuditActions(db),
  };
}

/** The matching entries as CSV (UTF-8 with BOM), streamed in batches, newest first. */
export function auditCsv(query: AuditQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = streamAuditEntries(database().db, filterOf(query));
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(
          encoder.encode(
            "\uFEFF" +
              csvLine([
                "time_utc",
                "actor_email",
                "action",
                "target_type",
                "target_id",
                "details",
                "ip",
              ]),
          ),
        );
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value
        .map((e) =>
          csvLine([
            e.at.toISOString(),
            e.actor_email,
            e.action,
            e.target_type,
            e.target_id,
            JSON.stringify(e.details),
            e.ip,
          ]),
        )
        .join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
