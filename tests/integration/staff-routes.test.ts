import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { loader as companyLoader } from "../../app/routes/hub.companies.$id";
import { loader as homeLoader } from "../../app/routes/hub._index";
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

describe.each(ROUTES)("$name", (route) => {
  test.each(CAST)("as %s", async (member) => {
    const before = await snapshot();
    const result = await outcome(() => route.call(cast.cookies[member]));
    const wanted = route.expect[member];
    if (wanted === "login") {
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/hub\/login/);
    } else {
      expect(result.status).toBe(wanted);
    }
    if (result.status >= 300) expect(await snapshot()).toEqual(before);
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
