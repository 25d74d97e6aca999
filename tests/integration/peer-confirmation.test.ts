import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { rebuildPeerStatistics } from "../../app/lib/server/peers.server";
import { loader as companyLoader } from "../../app/routes/hub.companies.$id";
import { action as peersAction } from "../../app/routes/hub.companies.$id_.peers";
import { openAppTestDatabase } from "../helpers/app-db";
import { benchmarkTables } from "../helpers/peers";
import { createViaApi, saveViaApi, submitViaApi } from "../helpers/api-routes";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { routeArgs } from "../helpers/route-args";
import { outcome, staffRequest } from "../helpers/staff";
import { CAST, createStaffCast, type CastMember, type StaffCast } from "../helpers/staff-fixtures";

const dma = loadDefinition("dma-sme", "1.1.0");
const random = createRandom(15);
let app: { close: () => Promise<void> };
let cast: StaffCast;

beforeAll(async () => {
  app = await openAppTestDatabase();
  cast = await createStaffCast();
  // Each cast company has a submitted assessment, so a confirmation moves the histograms.
  for (const companyId of Object.values(cast.companies)) await submitFor(companyId);
});
afterAll(async () => {
  await app.close();
});

/** Gives an existing company a submitted dma-sme assessment (made through the API). */
async function submitFor(companyId: string) {
  const created = await createViaApi({
    companyName: "Tillfälligt AB",
    orgNumber: "556036-0793",
    sizeClass: "small",
    primarySector: "manufacturing",
    region: "skane",
    contactName: "Test Person",
    contactEmail: "test@example.se",
    consentBenchmark: true,
  });
  expect(created.status).toBe(201);
  const { token } = (await created.json()) as { token: string };
  expect((await saveViaApi(token, { answers: randomAnswers(dma, random) })).status).toBe(200);
  expect((await submitViaApi(token)).status).toBe(200);
  // Moved to the cast's company (the API always makes a new one).
  const { db } = database();
  const moved = await db
    .updateTable("assessments")
    .set({ company_id: companyId })
    .where("company_id", "=", (eb) =>
      eb
        .selectFrom("assessments")
        .select("company_id")
        .where("submitted_at", "is not", null)
        .orderBy("submitted_at", "desc")
        .limit(1),
    )
    .returning("company_id")
    .execute();
  expect(moved).toHaveLength(1);
  await sql`update assessment_scores set size_class = 'small' where assessment_id in
    (select id from assessments where company_id = ${companyId})`.execute(db);
}

const post = (companyId: string, cookie: string | undefined, form: Record<string, string>) =>
  outcome(() =>
    peersAction(
      routeArgs(staffRequest(`/hub/companies/${companyId}/peers`, { cookie, form }), {
        id: companyId,
      }),
    ),
  );

async function confirmedAt(companyId: string) {
  const row = await database()
    .db.selectFrom("companies")
    .select(["peer_confirmed_at", "peer_confirmed_by"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
  return row;
}

describe("confirming a company for peer statistics", () => {
  // Who may confirm the cast's own company (assigned to the adviser, consenting).
  const expected: Record<CastMember, number | "login"> = {
    anonymous: "login",
    adviser: 302,
    other: 404,
    lead: 302,
    disabled: "login",
  };

  test.each(CAST)("%s: POST /hub/companies/:own/peers", async (member) => {
    const companyId = cast.companies.own;
    const before = await confirmedAt(companyId);
    const result = await post(companyId, cast.cookies[member], { intent: "confirm" });
    const want = expected[member];
    if (want === "login") {
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/hub\/login/);
    } else {
      expect(result.status).toBe(want);
    }
    const after = await confirmedAt(companyId);
    if (want === 302) {
      expect(result.location).toBe(`/hub/companies/${companyId}?peers=confirm`);
      expect(after.peer_confirmed_at).not.toBeNull();
    } else {
      expect(after).toEqual(before);
    }
    // Back to unconfirmed for the next member of the cast.
    await post(companyId, cast.cookies.lead, { intent: "unconfirm" });
  });

  test("an adviser may not confirm an assigned company that did not consent to advisers (404), nor one of another adviser", async () => {
    for (const companyId of [cast.companies.unconsented, cast.companies.other]) {
      const result = await post(companyId, cast.cookies.adviser, { intent: "confirm" });
      expect(result.status).toBe(404);
      expect((await confirmedAt(companyId)).peer_confirmed_at).toBeNull();
    }
  });

  test("a bad form is a 400 that changes nothing; an unknown company a 404", async () => {
    const companyId = cast.companies.own;
    for (const form of [{}, { intent: "delete" }] as Record<string, string>[]) {
      expect((await post(companyId, cast.cookies.lead, form)).status).toBe(400);
    }
    const raw = new Request(`http://localhost/hub/companies/${companyId}/peers`, {
      method: "POST",
      headers: {
        Cookie: cast.cookies.lead,
        Origin: "http://localhost",
        "Content-Type": "text/plain",
      },
      body: "intent=confirm",
    });
    expect((await outcome(() => peersAction(routeArgs(raw, { id: companyId })))).status).toBe(400);
    expect((await confirmedAt(companyId)).peer_confirmed_at).toBeNull();
    const unknown = "00000000-0000-4000-8000-00000000abcd";
    expect((await post(unknown, cast.cookies.lead, { intent: "confirm" })).status).toBe(404);
    expect((await post("not-a-uuid", cast.cookies.lead, { intent: "confirm" })).status).toBe(404);
  });

  test("the adviser confirms: the page says by whom and when, the audit log has it, and it counts", async () => {
    const companyId = cast.companies.own;
    const page = () =>
      outcome(() =>
        companyLoader(
          routeArgs(staffRequest(`/hub/companies/${companyId}`, { cookie: cast.cookies.adviser }), {
            id: companyId,
          }),
        ),
      );
    expect((await page()).data).toMatchObject({
      peerConfirmation: { confirmedAt: null, confirmedBy: null, consentBenchmark: true },
    });
    const members = () =>
      database()
        .db.selectFrom("peer_members")
        .select("company_id")
        .where("company_id", "=", companyId)
        .execute();
    expect(await members()).toHaveLength(0);

    expect((await post(companyId, cast.cookies.adviser, { intent: "confirm" })).status).toBe(302);
    expect((await page()).data).toMatchObject({
      peerConfirmation: { confirmedBy: cast.users.adviser.name, consentBenchmark: true },
    });
    expect(await members()).toHaveLength(1);
    // Confirming again changes nothing and logs nothing more.
    expect((await post(companyId, cast.cookies.adviser, { intent: "confirm" })).status).toBe(302);
    expect((await post(companyId, cast.cookies.adviser, { intent: "unconfirm" })).status).toBe(302);
    expect(await members()).toHaveLength(0);
    const { rows } = await sql<{ action: string; actor_id: string }>`
      select action, actor_id from audit_log
      where target_id = ${companyId} and action like 'company.peers_%' order by id
    `.execute(database().db);
    expect(rows.slice(-2)).toEqual([
      { action: "company.peers_confirmed", actor_id: cast.users.adviser.id },
      { action: "company.peers_unconfirmed", actor_id: cast.users.adviser.id },
    ]);
  });

  test("the benchmark tables equal a rebuild after every confirmation and withdrawal", async () => {
    const ids = Object.values(cast.companies);
    const steps: [string, "confirm" | "unconfirm"][] = [
      [ids[0], "confirm"],
      [ids[1], "confirm"],
      [ids[2], "confirm"],
      [ids[1], "unconfirm"],
      [ids[0], "unconfirm"],
      [ids[1], "confirm"],
      [ids[2], "unconfirm"],
      [ids[0], "confirm"],
    ];
    for (const [companyId, intent] of steps) {
      expect((await post(companyId, cast.cookies.lead, { intent })).status).toBe(302);
      const kept = await benchmarkTables();
      await rebuildPeerStatistics(database().db);
      expect(await benchmarkTables(), `${intent} ${companyId}`).toEqual(kept);
    }
    // Two confirmed companies remain, each counted once.
    expect((await benchmarkTables())[0]).toHaveLength(2);
  });
});
