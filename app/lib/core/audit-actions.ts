/**
 * The actions the audit log records. Later features add theirs here (and a label under
 * `audit.action.<id>` in both locale files); the log itself stores the id as text.
 */
export const AUDIT_ACTIONS = [
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.throttled",
  "sign_out",
  "sign_out.everywhere",
  "staff.created",
  "staff.invited",
  "staff.reset_link_issued",
  "staff.password_set",
  "staff.password_changed",
  "staff.role_changed",
  "staff.partner_changed",
  "staff.disabled",
  "staff.enabled",
  "second_factor.enabled",
  "second_factor.disabled",
  "second_factor.recovery_codes_renewed",
  "second_factor.recovery_code_used",
  "company.viewed",
  "company.assigned",
  "company.unassigned",
  "company.peers_confirmed",
  "company.peers_unconfirmed",
  "audit.exported",
  "company.note_added",
  "company.note_edited",
  "company.service_recorded",
  "company.service_removed",
  "company.followup_issued",
  "company.exported",
  "company.erased",
  "company.consent_withdrawn",
  "export.downloaded",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
