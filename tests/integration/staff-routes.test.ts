import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { loader as companyLoader } from "../../app/routes/hub.companies.$id";
import { loader as homeLoader } from "../../app/routes/hub._index";
import { action as accountAction, loader as accountLoader } from "../../app/routes/hub.account";
import { loader as secondFactorLoader } from "../../app/routes/hub.account_.second-factor";
import { action as assignAction, loader as assignLoader } from "../../app/routes/hub.assignments";
import { loader as auditLoader } from "../../app/routes/hub.audit";
import { loader as auditCsvLoader } from "../../app/routes/hub.audit[.csv]";
import { loader as codeLoader } from "../../app/routes/hub.login_.code";
import { loader as loginLoader } from "../../app/routes/hub.login";
import { action as staffAction, loader as staffLoader } from "../../app/routes/hub.staff";
import { openAppTestDatabase } from "../helpers/app-db";
import { routeArgs } from "../helpers/route-args";
import { outcome, staffRequest } from "../helpers/staff";
import { CAST, createStaffCast, type CastMember, type StaffCast } from "../helpers/staff-fixtures";

let app: { close: () => Promise<void> };
let cast: StaffCast;
beforeAll(async () => {
  app = await openAppTestDatabase();
  cast = await createStaffCast();
});
afterAll(async () => {
  await app.close();
});

/** Every row of every staff table, to prove a refused request changed nothing. */
async function snapshot() {
  const { db } = database();
  const tables = [
    "users",
    "sessions",
    "one_time_links",
    "recovery_codes",
    "company_assignments",
    "companies",
    "recovery_codes",
  ] as const;
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    result[table] = await db
      .selectFrom(table)
      .selectAll()
      .orderBy(sql`1`)
      .execute();
  }
  // The last-seen time moves on any request by design; compare the rest.
  result.sessions = (result.sessions as { last_seen_at: unknown }[]).map((row) => ({
    ...row,
    last_seen_at: null,
  }));
  return result;
}

type Expectation = number | "login";

interface RouteCase {
  name: string;
  call: (cookie: string | undefined) => Promise<unknown>;
  expect: Record<CastMember, Expectation>;
}

const LOGIN: Expectation = "login";

const ROUTES: RouteCase[] = [
  {
    name: "GET /hub",
    call: (cookie) => homeLoader(routeArgs(staffRequest("/hub", { cookie }))),
    expect: { anonymous: LOGIN, adviser: 200, other: 200, lead: 200, disabled: LOGIN },
  },
  {
    name: "GET /hub/companies/:own",
    call: (cookie) =>
      companyLoader(
        routeArgs(staffRequest(`/hub/companies/${cast.companies.own}`, { cookie }), {
          id: cast.companies.own,
        }),
      ),
    expect: { anonymous: LOGIN, adviser: 200, other: 404, lead: 200, disabled: LOGIN },
  },
  {
    name: "GET /hub/companies/:unconsented (assigned to the adviser)",
    call: (cookie) =>
      companyLoader(
        routeArgs(staffRequest(`/hub/companies/${cast.companies.unconsented}`, { cookie }), {
          id: cast.companies.unconsented,
        }),
      ),
    expect: { anonymous: LOGIN, adviser: 404, other: 404, lead: 200, disabled: LOGIN },
  },
  {
    name: "GET /hub/companies/not-a-uuid",
    call: (cookie) =>
      companyLoader(routeArgs(staffRequest(`/hub/companies/x`, { cookie }), { id: "x" })),
    expect: { anonymous: LOGIN, adviser: 404, other: 404, lead: 404, disabled: LOGIN },
  },
];

const LEAD_ONLY = { anonymous: LOGIN, adviser: 403, other: 403, lead: 200, disabled: LOGIN };
const post = (path: string, form: Record<string, string>) => (cookie: string | undefined) =>
  staffRequest(path, { cookie, form });

ROUTES.push(
  {
    name: "GET /hub/staff",
    call: (cookie) => staffLoader(routeArgs(staffRequest("/hub/staff", { cookie }))),
    expect: LEAD_ONLY,
  },
  {
    name: "POST /hub/staff invite",
    call: (cookie) =>
      staffAction(
        routeArgs(
          post("/hub/staff", {
            intent: "invite",
            email: `new${Math.random()}@example.se`,
            name: "New",
            role: "hub_lead",
          })(cookie),
        ),
      ),
    expect: LEAD_ONLY,
  },
  {
    name: "POST /hub/staff disable (the other adviser)",
    call: (cookie) =>
      staffAction(
        routeArgs(post("/hub/staff", { intent: "disable", userId: cast.users.other.id })(cookie)),
      ),
    // The hub lead's own success is tested in staff-management; here it would change the cast.
    expect: { anonymous: LOGIN, adviser: 403, other: 403, lead: 0, disabled: LOGIN },
  },
  {
    name: "POST /hub/staff make oneself hub lead",
    call: (cookie) =>
      staffAction(
        routeArgs(
          post("/hub/staff", {
            intent: "update",
            userId: cast.users.adviser.id,
            role: "hub_lead",
            partnerId: "",
          })(cookie),
        ),
      ),
    expect: { anonymous: LOGIN, adviser: 403, other: 403, lead: 0, disabled: LOGIN },
  },
  {
    name: "GET /hub/assignments",
    call: (cookie) =>
      assignLoader(routeArgs(staffRequest("/hub/assignments?q=company", { cookie }))),
    expect: LEAD_ONLY,
  },
  {
    name: "POST /hub/assignments (assign the other adviser's company to oneself)",
    call: (cookie) =>
      assignAction(
        routeArgs(
          post("/hub/assignments", {
            intent: "assign",
            companyId: cast.companies.other,
            adviserId: cast.users.adviser.id,
          })(cookie),
        ),
      ),
    expect: { anonymous: LOGIN, adviser: 403, other: 403, lead: 0, disabled: LOGIN },
  },
  {
    name: "GET /hub/audit",
    call: (cookie) => auditLoader(routeArgs(staffRequest("/hub/audit", { cookie }))),
    expect: LEAD_ONLY,
  },
  {
    name: "GET /hub/audit.csv",
    call: (cookie) => auditCsvLoader(routeArgs(staffRequest("/hub/audit.csv", { cookie }))),
    expect: LEAD_ONLY,
  },
  {
    name: "GET /hub/account",
    call: (cookie) => accountLoader(routeArgs(staffRequest("/hub/account", { cookie }))),
    expect: { anonymous: LOGIN, adviser: 200, other: 200, lead: 200, disabled: LOGIN },
  },
  {
    name: "POST /hub/account renew recovery codes (second factor off)",
    call: (cookie) =>
      accountAction(routeArgs(post("/hub/account", { intent: "renew-codes" })(cookie))),
    expect: { anonymous: LOGIN, adviser: 409, other: 409, lead: 409, disabled: LOGIN },
  },
  {
    name: "GET /hub/account/second-factor",
    call: (cookie) =>
      secondFactorLoader(routeArgs(staffRequest("/hub/account/second-factor", { cookie }))),
    expect: { anonymous: LOGIN, adviser: 200, other: 200, lead: 200, disabled: LOGIN },
  },
  {
    name: "GET /hub/login/code (no pending second factor)",
    call: (cookie) => codeLoader(routeArgs(staffRequest("/hub/login/code", { cookie }))),
    expect: { anonymous: 302, adviser: 302, other: 302, lead: 302, disabled: 302 },
  },
  {
    name: "GET /hub/login",
    call: (cookie) => loginLoader(routeArgs(staffRequest("/hub/login", { cookie }))),
    expect: { anonymous: 200, adviser: 302, other: 302, lead: 302, disabled: 200 },
  },
);

describe.each(ROUTES)("$name", (route) => {
  test.each(CAST)("as %s", async (member) => {
    const wanted = route.expect[member];
    // 0: allowed, and would change the cast; the action's effect is tested elsewhere.
    if (wanted === 0) return;
    const before = await snapshot();
    const result = await outcome(() => route.call(cast.cookies[member]));
    if (wanted === "login") {
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/hub\/login/);
    } else {
      expect(result.status).toBe(wanted);
    }
    // A refusal (and a read) changes no row; the second-factor page stores a secret.
    if (result.status >= 300 || !route.name.includes("POST")) {
      if (!route.name.includes("second-factor")) expect(await snapshot()).toEqual(before);
    }
  });
});

describe("what an adviser sees", () => {
  test("the home page lists only their own consenting companies", async () => {
    const result = await outcome(() =>
      homeLoader(routeArgs(staffRequest("/hub", { cookie: cast.cookies.adviser }))),
    );
    const home = (result.data as { home: { kind: string; companies: { id: string }[] } }).home;
    expect(home.kind).toBe("adviser");
    expect(home.companies.map((c) => c.id)).toEqual([cast.companies.own]);
  });

  test("each view of a company's identifiable data is audit-logged", async () => {
    const { db } = database();
    const count = async () =>
      (
        await db
          .selectFrom("audit_log")
          .select(sql<number>`count(*)::int`.as("n"))
          .where("action", "=", "company.viewed")
          .where("target_id", "=", cast.companies.own)
          .where("actor_id", "=", cast.users.adviser.id)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    await companyLoader(
      routeArgs(
        staffRequest(`/hub/companies/${cast.companies.own}`, { cookie: cast.cookies.adviser }),
        {
          id: cast.companies.own,
        },
      ),
    );
    expect(await count()).toBe(before + 1);
  });
});
