import { describe, expect, test } from "vitest";
import {
  ACCOUNT_ACTIONS,
  can,
  COMPANY_ACTIONS,
  HUB_ACTIONS,
  navigationFor,
  STAFF_ROLES,
  type Actor,
  type StaffAction,
  type StaffResource,
  type StaffRole,
} from "../../app/lib/core/staff-policy";

const ME = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

const actorOf = (role: StaffRole): Actor => ({
  id: ME,
  email: "me@example.se",
  name: "Me",
  role,
  partnerId: "iuc-syd",
});

/** Every kind of resource the policy distinguishes. */
const RESOURCES: Record<string, StaffResource> = {
  "own consenting company": {
    kind: "company",
    id: "c1",
    assignedAdviserIds: [ME],
    consentAdvisers: true,
  },
  "own company without consent": {
    kind: "company",
    id: "c2",
    assignedAdviserIds: [ME],
    consentAdvisers: false,
  },
  "shared consenting company": {
    kind: "company",
    id: "c3",
    assignedAdviserIds: [OTHER, ME],
    consentAdvisers: true,
  },
  "foreign consenting company": {
    kind: "company",
    id: "c4",
    assignedAdviserIds: [OTHER],
    consentAdvisers: true,
  },
  "foreign company without consent": {
    kind: "company",
    id: "c5",
    assignedAdviserIds: [OTHER],
    consentAdvisers: false,
  },
  "unassigned company": {
    kind: "company",
    id: "c6",
    assignedAdviserIds: [],
    consentAdvisers: true,
  },
  hub: { kind: "hub" },
  "own account": { kind: "account", userId: ME },
  "other account": { kind: "account", userId: OTHER },
};

/**
 * The expected answer, written from issue #10's prose and not from the code: a hub lead
 * does everything of the hub; an adviser works (view, notes, delivered services,
 * follow-ups) on companies assigned to them that consented, and manages only their own
 * account. Issue #15: an adviser assigned to a company (that consented, so they see it)
 * may confirm it as a genuine customer for peer statistics, or withdraw that. Actions of another kind than the resource are always refused.
 */
function expected(role: StaffRole, action: StaffAction, resourceName: string): boolean {
  const resource = RESOURCES[resourceName];
  const companyAction = (COMPANY_ACTIONS as readonly string[]).includes(action);
  const hubAction = (HUB_ACTIONS as readonly string[]).includes(action);
  const accountAction = (ACCOUNT_ACTIONS as readonly string[]).includes(action);
  if (resource.kind === "company" && !companyAction) return false;
  if (resource.kind === "hub" && !hubAction) return false;
  if (resource.kind === "account" && !accountAction) return false;
  if (role === "hub_lead") return true;
  if (resource.kind === "hub") return false;
  if (resource.kind === "account") return resourceName === "own account";
  const adviserWork = [
    "company.view",
    "company.note.write",
    "company.service.record",
    "company.followup.issue",
    "company.peers.confirm",
  ];
  const mine = ["own consenting company", "shared consenting company"].includes(resourceName);
  return mine && adviserWork.includes(action);
}

const ACTIONS: StaffAction[] = [...COMPANY_ACTIONS, ...HUB_ACTIONS, ...ACCOUNT_ACTIONS];
const MATRIX = STAFF_ROLES.flatMap((role) =>
  ACTIONS.flatMap((action) =>
    Object.keys(RESOURCES).map(
      (resource) => [role, action, resource, expected(role, action, resource)] as const,
    ),
  ),
);

describe("can(actor, action, resource)", () => {
  test("the matrix covers every role × action × resource", () => {
    expect(MATRIX).toHaveLength(
      STAFF_ROLES.length * ACTIONS.length * Object.keys(RESOURCES).length,
    );
    expect(MATRIX.length).toBe(2 * 14 * 9);
  });

  test.each(MATRIX)("%s: %s on %s → %s", (role, action, resource, allowed) => {
    expect(can(actorOf(role), action, RESOURCES[resource])).toBe(allowed);
  });
});

describe("navigationFor", () => {
  test.each([
    ["adviser", ["home", "companies", "account"]],
    [
      "hub_lead",
      [
        "home",
        "companies",
        "assignments",
        "staff",
        "dashboard",
        "exports",
        "services",
        "audit",
        "account",
      ],
    ],
  ] as const)("a %s sees %j", (role, ids) => {
    expect(navigationFor(actorOf(role)).map((i) => i.id)).toEqual(ids);
  });
});
