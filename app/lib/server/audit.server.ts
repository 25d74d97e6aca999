import { appendAuditEntry, type AuditFilter } from "../../../db/queries/audit";
import type { Executor } from "../../../db/database";
import type { AuditAction } from "../core/audit-actions";
import type { Actor } from "../core/staff-policy";
import { database } from "./db.server";

export type { AuditFilter };

/** What an audit entry says: who (or null for an anonymous attempt), did what, to what. */
export interface AuditEvent {
  actor: Pick<Actor, "id" | "email"> | null;
  action: AuditAction;
  target?: { type: "user" | "company" | "session" | "service"; id: string };
  /** Ids, field names and values of staff data; never a company's personal data. */
  details?: Record<string, unknown>;
  /** The client's address. */
  ip?: string | null;
  /** For an anonymous attempt: the email typed. */
  actorEmail?: string;
}

/**
 * Appends one entry to the audit log. Pass `db` (a transaction) to record the entry
 * atomically with the change it describes.
 */
export async function audit(event: AuditEvent, db: Executor = database().db): Promise<void> {
  await appendAuditEntry(db, {
    actorId: event.actor?.id ?? null,
    actorEmail: event.actor?.email ?? event.actorEmail ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    details: event.details,
    ip: event.ip ?? null,
  });
}
