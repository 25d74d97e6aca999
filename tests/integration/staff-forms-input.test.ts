/**
 * Bad input to every staff form: malformed, oversized and wrong-type values and wrong ids
 * (not a uuid, huge, unknown, another adviser's company), posted as a signed-in adviser and
 * hub lead. Each gets a 4xx with an error the page can show, never a 500, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "kysely";
import { database } from "../../app/lib/server/db.server";
import { action as accountAction } from "../../app/routes/hub.account";
import { loader as auditLoader } from "../../app/routes/hub.audit";
import { loader as auditCsvLoader } from "../../app/routes/hub.audit[.csv]";
import { action as assignmentsAction } from "../../app/routes/hub.assignments";
import { action as listAction } from "../../app/routes/hub.companies._index";
import { action as eraseAction } from "../../app/routes/hub.companies.$id_.erase";
import { action as peersAction } from "../../app/routes/hub.companies.$id_.peers";
import { action as workspaceAction } from "../../app/routes/hub.companies.$id_.workspace";
import { action as staffAction } from "../../app/routes/hub.staff";
import { openAppTestDatabase } from "../helpers/app-db";
import { routeArgs } from "../helpers/route-args";
import { outcome, staffRequest } from "../helpers/staff";
import { createStaffCast, type StaffCast } from "../helpers/staff-fixtures";

let app: { close: () => Promise<void> };
let cast: StaffCast;
beforeAll(async () => {
  app = await openAppTestDatabase();
  cast = await createStaffCast();
});
afterAll(async () => {
  await app.close();
});

type Who = "adviser" | "lead";
type Action = (args: ReturnType<typeof routeArgs>) => Promise<unknown>;
const UNKNOWN = "7f0c3a52-1d2e-4b8a-9c3d-0e1f2a3b4c5d";
const HUGE = "9".repeat(400);
const LONG = "x".repeat(20_000);

/** The rows every bad post must leave alone. */
async function snapshot() {
  const { rows } = await sql<{ t: string; n: number }>`
    select 'notes' as t, count(*)::int as n from company_notes
    union all select 'delivered', count(*)::int from delivered_services
    union all select 'assignments', count(*)::int from company_assignments
    union all select 'users', count(*)::int from users
    union all select 'assessments', count(*)::int from assessments
    union all select 'erased', count(*)::int from companies where name = '(erased)'
    union all select 'confirmed', count(*)::int from companies where peer_confirmed_at is not null
  `.execute(database().db);
  return rows;
}

async function post(
  act: Action,
  path: string,
  who: Who,
  form: Record<string, string> | URLSearchParams,
  params: Record<string, string> = {},
) {
  const request = staffRequest(path, { cookie: cast.cookies[who], form: {} });
  const body = form instanceof URLSearchParams ? form : new URLSearchParams(form);
  const sent = new Request(request.url, {
    method: "POST",
    headers: request.headers,
    body,
  });
  return outcome(() => act(routeArgs(sent, params)));
}

/** Posts and checks: a 4xx, an error to show, nothing changed. */
async function refused(
  act: Action,
  path: string,
  who: Who,
  form: Record<string, string> | URLSearchParams,
  params: Record<string, string> = {},
) {
  const before = await snapshot();
  const result = await post(act, path, who, form, params);
  expect(result.status, JSON.stringify(result.data)).toBeGreaterThanOrEqual(400);
  expect(result.status).toBeLessThan(500);
  if (result.data !== undefined) {
    expect(JSON.stringify(result.data)).toMatch(/error|intent/);
  }
  expect(await snapshot()).toEqual(before);
  return result;
}

const workspace = (id: string) => `/hub/companies/${id}/workspace`;
const service = (fields: Record<string, string>) => ({
  intent: "service.record",
  title: "Workshop",
  category: "training",
  technologyType: "ai",
  priceEur: "100",
  startDate: "2026-10-01",
  endDate: "2026-10-02",
  ...fields,
});

describe("the company page's forms", () => {
  const own = () => cast.companies.own;
  test.each([
    ["not a uuid", "abc"],
    ["a number", "1"],
    ["huge", HUGE],
    ["unknown", UNKNOWN],
  ])("a company id that is %s: 404", async (_, id) => {
    for (const who of ["adviser", "lead"] as const) {
      const result = await refused(
        workspaceAction,
        workspace(id),
        who,
        { intent: "note.add", body: "x" },
        { id },
      );
      expect(result.status).toBe(404);
    }
  });

  test("another adviser's company: 404", async () => {
    const id = cast.companies.other;
    const result = await refused(
      workspaceAction,
      workspace(id),
      "adviser",
      { intent: "note.add", body: "x" },
      { id },
    );
    expect(result.status).toBe(404);
  });

  test.each<[string, Record<string, string>]>([
    ["no intent", {}],
    ["an unknown intent", { intent: "drop table" }],
    ["an oversized note", { intent: "note.add", body: LONG }],
    ["an empty note", { intent: "note.add", body: "   " }],
    ["a note edit of no uuid", { intent: "note.edit", noteId: "1", body: "x", version: "v" }],
    [
      "a note edit of an unknown note",
      { intent: "note.edit", noteId: UNKNOWN, body: "x", version: new Date().toISOString() },
    ],
    ["a note edit of a huge id", { intent: "note.edit", noteId: HUGE, body: "x", version: "x" }],
    ["a service dated year 0", service({ startDate: "0000-01-01", endDate: "0000-01-02" })],
    ["a service dated 31 February", service({ startDate: "2026-02-31" })],
    ["a service ending before it starts", service({ endDate: "2026-09-01" })],
    ["a negative price", service({ priceEur: "-1" })],
    ["a huge price", service({ priceEur: HUGE })],
    ["a price of text", service({ priceEur: "ten" })],
    ["huge attendees", service({ attendees: "99999999999" })],
    ["negative attendees", service({ attendees: "-3" })],
    ["an unknown category", service({ category: "magic" })],
    ["an unknown technology type", service({ technologyType: "steam" })],
    ["an unknown catalogue service", service({ serviceId: "no-such-service" })],
    ["an oversized catalogue service id", service({ serviceId: LONG })],
    ["an unknown partner", service({ partnerId: "nobody" })],
    [
      "a recommendation of no uuid",
      service({ recommendation: "------------------------------------:1" }),
    ],
    ["an unknown recommendation", service({ recommendation: `${UNKNOWN}:1` })],
    ["a recommendation of a huge rank", service({ recommendation: `${UNKNOWN}:999` })],
    ["an oversized title", service({ title: LONG })],
    ["an oversized description", service({ description: LONG })],
    ["a removal of no uuid", { intent: "service.remove", deliveredServiceId: "1" }],
    ["a removal of an unknown service", { intent: "service.remove", deliveredServiceId: UNKNOWN }],
    [
      "a follow-up of the smart industry module",
      { intent: "followup.issue", definitionId: "smart-industry" },
    ],
    ["a follow-up of nothing", { intent: "followup.issue", definitionId: "dma-sme" }],
  ])("%s: 4xx with the error", async (_, form) => {
    for (const who of ["adviser", "lead"] as const) {
      await refused(workspaceAction, workspace(own()), who, form, { id: own() });
    }
  });

  test("repeated fields and a file-sized body are refused too", async () => {
    const repeated = new URLSearchParams([
      ["intent", "note.add"],
      ["intent", "service.record"],
      ["body", "a"],
    ]);
    const result = await post(workspaceAction, workspace(own()), "adviser", repeated, {
      id: own(),
    });
    expect(result.status).toBeLessThan(500);
  });
});

describe("erasure and peer confirmation", () => {
  test.each([
    ["a company id that is not a uuid", "abc", { confirmName: "x" }],
    ["a huge company id", HUGE, { confirmName: "x" }],
    ["an unknown company", UNKNOWN, { confirmName: "x" }],
  ])("erasure with %s: 404", async (_, id, form) => {
    const result = await refused(eraseAction, `/hub/companies/${id}/erase`, "lead", form, { id });
    expect(result.status).toBe(404);
  });

  test.each<[string, Record<string, string>]>([
    ["the wrong name", { confirmName: "Someone Else AB" }],
    ["no name", {}],
    ["an oversized name", { confirmName: LONG }],
  ])("erasure with %s: 400", async (_, form) => {
    const id = cast.companies.own;
    await refused(eraseAction, `/hub/companies/${id}/erase`, "lead", form, { id });
  });

  test("an adviser cannot erase: 403", async () => {
    const id = cast.companies.own;
    const result = await refused(
      eraseAction,
      `/hub/companies/${id}/erase`,
      "adviser",
      { confirmName: "Own Company AB" },
      { id },
    );
    expect(result.status).toBe(403);
  });

  test.each([
    ["an unknown intent", cast?.companies?.own, { intent: "maybe" }],
    ["no intent", undefined, {}],
  ])("peer confirmation with %s: 400", async (_, __, form) => {
    const id = cast.companies.own;
    for (const who of ["adviser", "lead"] as const) {
      await refused(peersAction, `/hub/companies/${id}/peers`, who, form, { id });
    }
  });

  test.each([["abc"], [HUGE], [UNKNOWN]])("peer confirmation of company %s: 404", async (id) => {
    await refused(peersAction, `/hub/companies/x/peers`, "lead", { intent: "confirm" }, { id });
  });
});

describe("assignments", () => {
  test.each<[string, () => Record<string, string>]>([
    [
      "a company id that is not a uuid",
      () => ({ intent: "assign", companyId: "1", adviserId: cast.users.adviser.id }),
    ],
    [
      "a huge company id",
      () => ({ intent: "assign", companyId: HUGE, adviserId: cast.users.adviser.id }),
    ],
    [
      "an unknown company",
      () => ({ intent: "assign", companyId: UNKNOWN, adviserId: cast.users.adviser.id }),
    ],
    [
      "an adviser id that is not a uuid",
      () => ({ intent: "assign", companyId: cast.companies.own, adviserId: "1" }),
    ],
    [
      "an unknown adviser",
      () => ({ intent: "assign", companyId: cast.companies.own, adviserId: UNKNOWN }),
    ],
    [
      "a hub lead as the adviser",
      () => ({ intent: "assign", companyId: cast.companies.other, adviserId: cast.users.lead.id }),
    ],
    [
      "a disabled adviser",
      () => ({
        intent: "assign",
        companyId: cast.companies.other,
        adviserId: cast.users.disabled.id,
      }),
    ],
    [
      "an unknown intent",
      () => ({ intent: "steal", companyId: cast.companies.own, adviserId: cast.users.adviser.id }),
    ],
  ])("one assignment with %s: 4xx", async (_, form) => {
    await refused(assignmentsAction, "/hub/assignments", "lead", form());
  });

  test("an adviser cannot assign: 403", async () => {
    await refused(assignmentsAction, "/hub/assignments", "adviser", {
      intent: "assign",
      companyId: cast.companies.other,
      adviserId: cast.users.adviser.id,
    });
  });

  test.each<[string, () => URLSearchParams]>([
    ["no companies", () => new URLSearchParams({ adviserId: cast.users.adviser.id })],
    [
      "a company id that is not a uuid",
      () =>
        new URLSearchParams([
          ["adviserId", cast.users.adviser.id],
          ["companyId", "x"],
        ]),
    ],
    [
      "an unknown company",
      () =>
        new URLSearchParams([
          ["adviserId", cast.users.adviser.id],
          ["companyId", UNKNOWN],
        ]),
    ],
    [
      "an unknown adviser",
      () =>
        new URLSearchParams([
          ["adviserId", UNKNOWN],
          ["companyId", cast.companies.other],
        ]),
    ],
    [
      "a hub lead as the adviser",
      () =>
        new URLSearchParams([
          ["adviserId", cast.users.lead.id],
          ["companyId", cast.companies.other],
        ]),
    ],
    [
      "101 companies",
      () =>
        new URLSearchParams([
          ["adviserId", cast.users.adviser.id],
          ...Array.from({ length: 101 }, () => ["companyId", cast.companies.other]),
        ]),
    ],
  ])("bulk assignment with %s: 4xx", async (_, form) => {
    await refused(listAction, "/hub/companies", "lead", form());
  });
});

describe("staff and account pages", () => {
  test.each<[string, () => Record<string, string>]>([
    ["an invitation without an email", () => ({ intent: "invite", name: "Ny", role: "adviser" })],
    [
      "an invitation with an oversized name",
      () => ({ intent: "invite", email: "ny@example.se", name: LONG, role: "adviser" }),
    ],
    [
      "an invitation with an unknown role",
      () => ({ intent: "invite", email: "ny@example.se", name: "Ny", role: "admin" }),
    ],
    [
      "an invitation with an unknown partner",
      () => ({
        intent: "invite",
        email: "ny@example.se",
        name: "Ny",
        role: "adviser",
        partnerId: "nobody",
      }),
    ],
    [
      "an invitation of an existing email",
      () => ({ intent: "invite", email: cast.users.adviser.email, name: "Ny", role: "adviser" }),
    ],
    [
      "an update of a user id that is not a uuid",
      () => ({ intent: "update", userId: "1", role: "adviser", partnerId: "" }),
    ],
    [
      "an update of an unknown user",
      () => ({ intent: "update", userId: UNKNOWN, role: "adviser", partnerId: "" }),
    ],
    [
      "an update to an unknown partner",
      () => ({
        intent: "update",
        userId: cast.users.adviser.id,
        role: "adviser",
        partnerId: "nobody",
      }),
    ],
    [
      "an update to an unknown role",
      () => ({ intent: "update", userId: cast.users.adviser.id, role: "root", partnerId: "" }),
    ],
    ["disabling a huge id", () => ({ intent: "disable", userId: HUGE })],
    ["enabling an unknown user", () => ({ intent: "enable", userId: UNKNOWN })],
    ["a reset link for an unknown user", () => ({ intent: "reset-link", userId: UNKNOWN })],
    ["an unknown intent", () => ({ intent: "promote", userId: cast.users.adviser.id })],
  ])("%s: 4xx", async (_, form) => {
    await refused(staffAction, "/hub/staff", "lead", form());
  });

  test("an adviser cannot manage staff: 403", async () => {
    await refused(staffAction, "/hub/staff", "adviser", {
      intent: "disable",
      userId: cast.users.other.id,
    });
  });

  test.each<[string, Record<string, string>]>([
    ["no intent", {}],
    ["an unknown intent", { intent: "become-lead" }],
    [
      "a wrong current password",
      {
        intent: "password",
        current: "wrong",
        next: "a-new-password-42x",
        confirm: "a-new-password-42x",
      },
    ],
    [
      "a new password that does not match",
      { intent: "password", current: "x", next: "a-new-password-42x", confirm: "other" },
    ],
    ["an oversized password", { intent: "password", current: LONG, next: LONG, confirm: LONG }],
    [
      "a too short new password",
      { intent: "password", current: "x", next: "short", confirm: "short" },
    ],
    ["turning off a second factor that is off", { intent: "disable-second-factor", password: "x" }],
    ["new recovery codes without a second factor", { intent: "renew-codes" }],
  ])("account: %s: 4xx", async (_, form) => {
    for (const who of ["adviser", "lead"] as const) {
      await refused(accountAction, "/hub/account", who, form);
    }
  });
});

describe("the audit log's filters", () => {
  test.each([
    ["from=2026-02-31"],
    ["from=0000-01-01"],
    ["to=10000-01-01"],
    ["person=1"],
    [`person=${HUGE}`],
    ["page=-1"],
    [`action=${"a".repeat(200)}`],
  ])("%s: 400", async (query) => {
    for (const loader of [auditLoader, auditCsvLoader]) {
      const result = await outcome(() =>
        loader(routeArgs(staffRequest(`/hub/audit?${query}`, { cookie: cast.cookies.lead }))),
      );
      expect(result.status).toBe(400);
    }
  });
});
