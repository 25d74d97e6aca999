/**
 * The staff permission policy: one pure function decides every permission of the staff
 * area. Routes reach it through the guards of app/lib/http/guards.server.ts, which
 * turn a refusal into 404 (a company the actor may not see: the URL tells nothing) or
 * 403 (anything else).
 */

export const STAFF_ROLES = ["adviser", "hub_lead"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The signed-in staff member, as every guard returns it. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** Partner organisation id (db/hub/hub.json), if any. */
  partnerId: string | null;
}

/** Actions on one company. */
export const COMPANY_ACTIONS = [
  "company.view",
  "company.note.write",
  "company.service.record",
  "company.followup.issue",
  "company.peers.confirm",
  "company.assign",
  "company.export",
  "company.erase",
] as const;
export type CompanyAction = (typeof COMPANY_ACTIONS)[number];

/** Actions on the hub as a whole. */
export const HUB_ACTIONS = [
  "dashboard.view",
  "export.run",
  "catalogue.manage",
  "staff.manage",
  "audit.view",
] as const;
export type HubAction = (typeof HUB_ACTIONS)[number];

/** Actions on a staff account. */
export const ACCOUNT_ACTIONS = ["account.manage"] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export type StaffAction = CompanyAction | HubAction | AccountAction;

/** A company as the policy sees it: who is assigned and whether advisers may see it. */
export interface CompanyResource {
  kind: "company";
  id: string;
  assignedAdviserIds: readonly string[];
  /** The company consented to share identifiable results with the hub's advisers. */
  consentAdvisers: boolean;
}
export interface HubResource {
  kind: "hub";
}
export interface AccountResource {
  kind: "account";
  userId: string;
}
export type StaffResource = CompanyResource | HubResource | AccountResource;

/** What an adviser may do with a company assigned to them that consented. */
const ADVISER_COMPANY_ACTIONS: ReadonlySet<StaffAction> = new Set<CompanyAction>([
  "company.view",
  "company.note.write",
  "company.service.record",
  "company.followup.issue",
  "company.peers.confirm",
]);

/**
 * May `actor` do `action` on `resource`?
 * - A hub lead may do everything of the hub: every company action on every company,
 *   every hub action, and manage any account.
 * - An adviser may view, write notes, record delivered services, issue follow-ups and
 *   confirm (or un-confirm) as a genuine customer for peer statistics the companies
 *   assigned to them that consented to share identifiable results with advisers; nothing
 *   on any other company; no hub action; only their own account.
 * - An action that does not fit the resource's kind is refused.
 */
export function can(actor: Actor, action: StaffAction, resource: StaffResource): boolean {
  switch (resource.kind) {
    case "company":
      if (!(COMPANY_ACTIONS as readonly string[]).includes(action)) return false;
      if (actor.role === "hub_lead") return true;
      return (
        ADVISER_COMPANY_ACTIONS.has(action) &&
        resource.consentAdvisers &&
        resource.assignedAdviserIds.includes(actor.id)
      );
    case "hub":
      if (!(HUB_ACTIONS as readonly string[]).includes(action)) return false;
      return actor.role === "hub_lead";
    case "account":
      if (!(ACCOUNT_ACTIONS as readonly string[]).includes(action)) return false;
      return actor.role === "hub_lead" || actor.id === resource.userId;
  }
}

/** The staff area's navigation, filtered by the policy: what the role may open. */
export const STAFF_NAVIGATION = [
  { id: "home", path: "/hub", requires: null },
  { id: "companies", path: "/hub/companies", requires: null },
  { id: "assignments", path: "/hub/assignments", requires: "staff.manage" },
  { id: "staff", path: "/hub/staff", requires: "staff.manage" },
  { id: "dashboard", path: "/hub/dashboard", requires: "dashboard.view" },
  { id: "exports", path: "/hub/exports", requires: "export.run" },
  { id: "services", path: "/hub/services", requires: "catalogue.manage" },
  { id: "audit", path: "/hub/audit", requires: "audit.view" },
  { id: "account", path: "/hub/account", requires: null },
] as const satisfies readonly { id: string; path: string; requires: HubAction | null }[];

export type StaffNavigationItem = (typeof STAFF_NAVIGATION)[number];

/** The navigation items `actor` may use, in order. */
export function navigationFor(actor: Actor): StaffNavigationItem[] {
  return STAFF_NAVIGATION.filter(
    (item) => item.requires === null || can(actor, item.requires, { kind: "hub" }),
  );
}
