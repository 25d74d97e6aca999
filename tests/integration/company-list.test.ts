import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCompanyListQuery } from "../../app/lib/core/company-list";
import { FOLD_FROM, foldForSearch } from "../../app/lib/core/search-fold";
import { database } from "../../app/lib/server/db.server";
import { action, loader } from "../../app/routes/hub.companies._index";
import { openAppTestDatabase } from "../helpers/app-db";
import { routeArgs } from "../helpers/route-args";
import { createTestStaff, outcome, signInCookie, staffRequest } from "../helpers/staff";
import { assignCompany } from "../../app/lib/server/assignments.server";
import { insertProfiledCompany, insertStoredAssessment } from "../helpers/workspace-fixtures";

let app: { close: () => Promise<void> };
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
const users: Record<string, { id: string }> = {};

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

beforeAll(async () => {
  app = await openAppTestDatabase();
  users.lead = await createTestStaff("lead@example.se", "hub_lead", "mobile-heights");
  users.adviser = await createTestStaff("adviser@example.se", "adviser", "iuc-syd");
  users.other = await createTestStaff("other@example.se", "adviser", "techtank");
  ids.malmo = await insertProfiledCompany({ name: "Malmö Mekaniska AB", orgNumber: "5566778899" });
  ids.vaxjo = await insertProfiledCompany({
    name: "Växjö Trä AB",
    orgNumber: "5599001122",
    region: "kronoberg",
    sizeClass: "micro",
    sector: "construction",
  });
  ids.lund = await insertProfiledCompany({
    name: "Lunds kommun",
    customerType: "pso",
    area: "education",
  });
  ids.hidden = await insertProfiledCompany({ name: "Malmo Hemlig AB", consentAdvisers: false });
  ids.fresh = await insertProfiledCompany({ name: "Nystartat AB" });
  // Malmö: T0 40 then T1 52.5 → +12.5, T2 due.
  await insertStoredAssessment(ids.malmo, "T0", {
    score: 40,
    band: "average",
    submittedAt: day(2),
  });
  await insertStoredAssessment(ids.malmo, "T1", {
    score: 52.5,
    band: "moderately_advanced",
    submittedAt: day(20),
  });
  // Växjö: T0 on major 1, T1 on a (hypothetical) major 2: no change is computed across majors.
  await insertStoredAssessment(ids.vaxjo, "T0", { score: 20, band: "basic", submittedAt: day(3) });
  await insertStoredAssessment(ids.vaxjo, "T1", {
    score: 30,
    band: "average",
    submittedAt: day(21),
    version: "2.0.0",
  });
  await insertStoredAssessment(ids.lund, "T0", {
    score: 60,
    band: "moderately_advanced",
    definitionId: "dma-pso",
    version: "1.0.0",
    submittedAt: day(5),
  });
  await insertStoredAssessment(ids.fresh, "T0", { inProgress: true });
  const by = { actor: null, ip: null };
  for (const id of [ids.malmo, ids.vaxjo, ids.lund, ids.hidden]) {
    await assignCompany(id, users.adviser.id, by);
  }
  await assignCompany(ids.fresh, users.other.id, by);
  cookies.lead = await signInCookie("lead@example.se");
  cookies.adviser = await signInCookie("adviser@example.se");
  cookies.other = await signInCookie("other@example.se");
});
afterAll(async () => {
  await app.close();
});

async function list(cookie: string | undefined, search = "") {
  const result = await outcome(() =>
    loader(routeArgs(staffRequest(`/hub/companies${search}`, { cookie }))),
  );
  return result as {
    status: number;
    location?: string;
    data?: { total: number; rows: { id: string; change: number | null; next_step: string }[] };
  };
}

const names = (rows: { id: string }[]) =>
  rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id));

describe("search support", () => {
  test("the database folds a name exactly as foldForSearch does", async () => {
    const { db } = database();
    const samples = [FOLD_FROM, FOLD_FROM.toUpperCase(), "Ängelholm Øresund ŁÓDŹ straße"];
    for (const name of samples) {
      const id = await insertProfiledCompany({ name });
      const row = await db
        .selectFrom("companies")
        .select("search_name")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row.search_name).toBe(foldForSearch(name));
      await db.deleteFrom("companies").where("id", "=", id).execute();
    }
  });

  test("the trigram index exists (pg_trgm is installed)", async () => {
    const { rows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where indexname = 'companies_search_name_trgm_idx'`.execute(
      database().db,
    );
    expect(rows[0]?.indexdef).toContain("gin_trgm_ops");
  });
});

describe("GET /hub/companies", () => {
  test("anonymous visitors are sent to sign in", async () => {
    const result = await list(undefined);
    expect(result.status).toBe(302);
    expect(result.location).toContain("/hub/login");
  });

  test("an adviser sees their consenting companies only; another adviser sees theirs", async () => {
    const mine = await list(cookies.adviser);
    expect(names(mine.data!.rows).sort()).toEqual(["lund", "malmo", "vaxjo"]);
    const theirs = await list(cookies.other);
    expect(names(theirs.data!.rows)).toEqual(["fresh"]);
  });

  test("a hub lead sees every company and filters by adviser and partner", async () => {
    const all = await list(cookies.lead);
    expect(all.data!.total).toBe(5);
    const ofOther = await list(cookies.lead, `?adviser=${users.other.id}`);
    expect(names(ofOther.data!.rows)).toEqual(["fresh"]);
    const ofIucSyd = await list(cookies.lead, "?partner=iuc-syd");
    expect(names(ofIucSyd.data!.rows).sort()).toEqual(["hidden", "lund", "malmo", "vaxjo"]);
    const none = await list(cookies.lead, "?adviser=none");
    expect(none.data!.rows).toEqual([]);
  });

  test("an adviser's adviser and partner filters are ignored", async () => {
    const result = await list(cookies.adviser, `?adviser=${users.other.id}&partner=techtank`);
    expect(result.data!.total).toBe(3);
  });

  test.each([
    ["malmo", ["hidden", "malmo"]],
    ["MEKANISK", ["malmo"]],
    ["vaxjo tr", ["vaxjo"]],
    ["556677", ["malmo"]],
    ["559900-11", ["vaxjo"]],
    ["100%_", []],
  ])("the search %j finds %j (hub lead)", async (q, expected) => {
    const result = await list(cookies.lead, `?q=${encodeURIComponent(q)}`);
    expect(names(result.data!.rows).sort()).toEqual(expected);
  });

  test("the latest stage, the change within one major version and the next step", async () => {
    const rows = (await list(cookies.lead)).data!.rows;
    const of = (key: string) => rows.find((r) => r.id === ids[key])!;
    expect(of("malmo")).toMatchObject({ change: 12.5, next_step: "t2-due" });
    expect(of("vaxjo")).toMatchObject({ change: null, next_step: "t2-due" });
    expect(of("lund")).toMatchObject({ change: null, next_step: "t1-due" });
    expect(of("fresh")).toMatchObject({ change: null, next_step: "in-progress" });
    expect(of("hidden")).toMatchObject({ change: null, next_step: "none" });
  });

  test.each([
    ["?next=t2-due", ["malmo", "vaxjo"]],
    ["?band=moderately_advanced", ["lund", "malmo"]],
    ["?sector=g:education", ["lund"]],
    ["?sector=s:construction&size=micro", ["vaxjo"]],
    ["?region=kronoberg", ["vaxjo"]],
    ["?questionnaire=dma-pso", ["lund"]],
    ["?q=malmo&band=moderately_advanced", ["malmo"]],
  ])("the filters %s keep %j", async (search, expected) => {
    const result = await list(cookies.lead, search);
    expect(names(result.data!.rows).sort()).toEqual(expected);
  });

  test("sorts by any column and pages on the server", async () => {
    const byScore = await list(cookies.lead, "?sort=score&dir=desc");
    // No score sorts last either way, then by name.
    expect(names(byScore.data!.rows)).toEqual(["lund", "malmo", "vaxjo", "hidden", "fresh"]);
    const byChange = await list(cookies.lead, "?sort=change&dir=asc");
    expect(names(byChange.data!.rows)[0]).toBe("malmo");
    const page2 = await list(cookies.lead, "?sort=score&dir=desc&per=10&page=2");
    expect(page2.data).toMatchObject({ total: 5, rows: [] });
    const beyond = await list(cookies.lead, "?page=9");
    expect(beyond.data).toMatchObject({ total: 5, rows: [] });
  });

  test("sorts names in Swedish order: Å, Ä and Ö after Z, other accents with their letter", async () => {
    const swedish = [
      "Alvesta AB",
      "Émile AB",
      "Zeta AB",
      "Ålmhult AB",
      "Ängelholm AB",
      "Örebro AB",
    ];
    const made = [];
    for (const name of [...swedish].reverse()) {
      made.push(await insertProfiledCompany({ name, sector: "mining-quarrying" }));
    }
    try {
      const listed = async (dir: string) =>
        (
          (await list(cookies.lead, `?sector=s:mining-quarrying&dir=${dir}`)).data!.rows as {
            name?: string;
          }[]
        ).map((r) => r.name);
      expect(await listed("asc")).toEqual(swedish);
      expect(await listed("desc")).toEqual([...swedish].reverse());
    } finally {
      await database().db.deleteFrom("companies").where("id", "in", made).execute();
    }
  });

  test("a nonsense query answers with the defaults, never an error", async () => {
    const result = await list(cookies.lead, "?sort=evil;drop&dir=sideways&per=7&page=-3&band=x");
    expect(result.status).toBe(200);
    expect(result.data!.total).toBe(5);
    expect(parseCompanyListQuery(new URLSearchParams("per=7&page=-3"))).toMatchObject({
      per: 25,
      page: 1,
      sort: "name",
    });
  });
});

describe("bulk assignment", () => {
  const post = (cookie: string, form: [string, string][]) => {
    const request = staffRequest("/hub/companies", { cookie, method: "POST" });
    return outcome(() =>
      action(
        routeArgs(
          new Request(request.url, {
            method: "POST",
            headers: request.headers,
            body: new URLSearchParams(form),
          }),
        ),
      ),
    );
  };

  test("a hub lead assigns the checked companies, each audit-logged", async () => {
    const result = await post(cookies.lead, [
      ["adviserId", users.other.id],
      ["companyId", ids.malmo],
      ["companyId", ids.lund],
    ]);
    expect(result).toMatchObject({ status: 200, data: { ok: 2 } });
    const theirs = await list(cookies.other);
    expect(names(theirs.data!.rows).sort()).toEqual(["fresh", "lund", "malmo"]);
    const entries = await database()
      .db.selectFrom("audit_log")
      .select(["target_id", "actor_id"])
      .where("action", "=", "company.assigned")
      .where("actor_id", "=", users.lead.id)
      .execute();
    expect(entries.map((e) => e.target_id).sort()).toEqual([ids.malmo, ids.lund].sort());
  });

  test.each([
    ["no company checked", () => [["adviserId", users.other.id]], "noCompanies"],
    ["no adviser", () => [["companyId", ids.malmo]], "noAdviser"],
    [
      "a hub lead as the adviser",
      () => [
        ["adviserId", users.lead.id],
        ["companyId", ids.malmo],
      ],
      "noAdviser",
    ],
  ] as const)("%s: 400 and nothing changes", async (_name, form, error) => {
    const before = await database().db.selectFrom("company_assignments").selectAll().execute();
    const result = await post(cookies.lead, form() as [string, string][]);
    expect(result).toMatchObject({ status: 400, data: { error } });
    const after = await database().db.selectFrom("company_assignments").selectAll().execute();
    expect(after).toHaveLength(before.length);
  });

  test("an adviser may not assign (403)", async () => {
    const result = await post(cookies.adviser, [
      ["adviserId", users.adviser.id],
      ["companyId", ids.fresh],
    ]);
    expect(result.status).toBe(403);
  });
});
