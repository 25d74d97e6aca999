import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseProfile } from "../../app/lib/core/profile";
import {
  createAssessment,
  saveAnswers,
  submitAssessment,
} from "../../app/lib/server/assessments.server";
import { database } from "../../app/lib/server/db.server";
import { rebuildPeerStatistics } from "../../app/lib/server/peers.server";
import { assignCompany } from "../../app/lib/server/assignments.server";
import { addNote } from "../../app/lib/server/company-workspace.server";
import { loader as smeExport } from "../../app/routes/a.$token_.export[.json]";
import {
  action as privacyAction,
  loader as privacyLoader,
} from "../../app/routes/a.$token_.privacy";
import { loader as leadExport } from "../../app/routes/hub.companies.$id_.export[.json]";
import {
  action as eraseAction,
  loader as eraseLoader,
} from "../../app/routes/hub.companies.$id_.erase";
import { loader as listLoader } from "../../app/routes/hub.companies._index";
import { openAppTestDatabase } from "../helpers/app-db";
import { benchmarkTables, confirmCompanyOf } from "../helpers/peers";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { routeArgs } from "../helpers/route-args";
import { outcome, staffRequest } from "../helpers/staff";
import { createStaffCast, type StaffCast } from "../helpers/staff-fixtures";

const dma = loadDefinition("dma-sme", "1.1.0");
const random = createRandom(77);
let app: { close: () => Promise<void> };
let cast: StaffCast;

/** A company that answered and submitted T0 through the service; its token and id. */
async function submittedCompany(name: string, orgNumber: string, email: string) {
  const parsed = parseProfile({
    customerType: "sme",
    companyName: name,
    orgNumber,
    sizeClass: "small",
    primarySector: "manufacturing",
    region: "skane",
    contactName: email.startsWith("stina") ? "Stina Privat" : "Per Person",
    contactEmail: email,
    consentAdvisers: "on",
    consentBenchmark: "on",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { token, assessmentId } = await createAssessment(parsed.profile, "sv");
  await saveAnswers(token, { answers: randomAnswers(dma, random) });
  await submitAssessment(token);
  await confirmCompanyOf(token);
  const row = await database()
    .db.selectFrom("assessments")
    .select("company_id")
    .where("id", "=", assessmentId)
    .executeTakeFirstOrThrow();
  return { token, id: row.company_id };
}

/** A Swedish organisation number with its Luhn check digit. */
function orgNumberOf(nine: string): string {
  const sum = [...nine].reduce((acc, d, i) => {
    const v = Number(d) * (i % 2 === 0 ? 2 : 1);
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

const companies: Record<string, { token: string; id: string }> = {};
beforeAll(async () => {
  app = await openAppTestDatabase();
  cast = await createStaffCast();
  for (let i = 0; i < 8; i++) {
    companies[`c${i}`] = await submittedCompany(
      `Bolag ${i} AB`,
      orgNumberOf(`55611${i}079`),
      `c${i}@example.se`,
    );
  }
  companies.target = await submittedCompany(
    "Hemliga Ögonblick AB",
    "5560360793",
    "stina@hemliga.example",
  );
  await assignCompany(companies.target.id, cast.users.adviser.id, { actor: null, ip: null });
  await addNote(companies.target.id, "Stina vill ha hjälp med zebrafisk-backup.", {
    actor: { ...cast.users.adviser, partnerId: null },
    ip: null,
  });
}, 120_000);
afterAll(async () => {
  await app.close();
});

const asJson = async (response: unknown) => JSON.parse(await (response as Response).text());

describe("export", () => {
  test("the hub lead exports everything, notes included, audit-logged", async () => {
    const { id } = companies.target;
    const response = await leadExport(
      routeArgs(staffRequest(`/hub/companies/${id}/export.json`, { cookie: cast.cookies.lead }), {
        id,
      }),
    );
    expect((response as Response).headers.get("Content-Disposition")).toContain("attachment");
    const body = await asJson(response);
    expect(body.organisation).toMatchObject({
      name: "Hemliga Ögonblick AB",
      contact_email: "stina@hemliga.example",
    });
    expect(body.assessments[0].answers).not.toEqual({});
    expect(Object.keys(body.assessments[0].scores)).toHaveLength(6);
    expect(body.notes.map((n: { body: string }) => n.body)).toEqual([
      "Stina vill ha hjälp med zebrafisk-backup.",
    ]);
    const entry = await database()
      .db.selectFrom("audit_log")
      .select(["actor_id", "target_id"])
      .where("action", "=", "company.exported")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_id: cast.users.lead.id, target_id: id });
  });

  test("an adviser may not export (403); another adviser sees nothing (404)", async () => {
    const { id } = companies.target;
    for (const [who, status] of [
      ["adviser", 403],
      ["other", 404],
      ["anonymous", 302],
    ] as const) {
      const result = await outcome(() =>
        leadExport(
          routeArgs(
            staffRequest(`/hub/companies/${id}/export.json`, { cookie: cast.cookies[who] }),
            { id },
          ),
        ),
      );
      expect(result.status).toBe(status);
    }
  });

  test("the company exports its own data from its link, without the notes", async () => {
    const { token } = companies.target;
    const body = await asJson(
      await smeExport(routeArgs(new Request(`http://x/a/${token}/export.json`), { token })),
    );
    expect(body.organisation.name).toBe("Hemliga Ögonblick AB");
    expect(body.notes).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("zebrafisk");
    const bad = await outcome(() =>
      smeExport(routeArgs(new Request("http://x/a/nope/export.json"), { token: "nope" })),
    );
    expect(bad.status).toBe(404);
  });
});

describe("withdrawing a consent from the private link", () => {
  const withdraw = (token: string, consent: string) =>
    outcome(() =>
      privacyAction(
        routeArgs(
          new Request(`http://x/a/${token}/privacy`, {
            method: "POST",
            body: new URLSearchParams({ consent }),
          }),
          { token },
        ),
      ),
    );

  test("the benchmark consent: out of the peer statistics at once, equal to a rebuild", async () => {
    const { token, id } = companies.c1;
    const before = await benchmarkTables();
    expect(before[0].some((m) => (m as { company_id: string }).company_id === id)).toBe(true);
    const result = await withdraw(token, "benchmark");
    expect(result).toMatchObject({
      status: 302,
      location: `/a/${token}/privacy?withdrawn=benchmark`,
    });
    const kept = await benchmarkTables();
    expect(kept[0].some((m) => (m as { company_id: string }).company_id === id)).toBe(false);
    expect(kept[1]).not.toEqual(before[1]);
    await rebuildPeerStatistics(database().db);
    expect(await benchmarkTables()).toEqual(kept);
    const audit = await database()
      .db.selectFrom("audit_log")
      .select(["target_id", "details"])
      .where("action", "=", "company.consent_withdrawn")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ target_id: id, details: { consent: "benchmark" } });
  });

  test("the advisers' consent: off the adviser's list at once", async () => {
    const { token, id } = companies.target;
    const list = async () =>
      (
        (await listLoader(
          routeArgs(staffRequest("/hub/companies", { cookie: cast.cookies.adviser })),
        )) as {
          rows: { id: string }[];
        }
      ).rows.map((r) => r.id);
    expect(await list()).toContain(id);
    await withdraw(token, "advisers");
    expect(await list()).not.toContain(id);
    const page = (await privacyLoader(
      routeArgs(new Request(`http://x/a/${token}/privacy`), { token }),
    )) as {
      company: { consent_advisers_at: unknown };
    };
    expect(page.company.consent_advisers_at).toBeNull();
  });

  test("an unknown consent or link changes nothing", async () => {
    expect((await withdraw(companies.c2.token, "everything")).status).toBe(400);
    expect((await withdraw("not-a-token", "benchmark")).status).toBe(404);
  });
});

describe("erasure", () => {
  const erase = (who: keyof StaffCast["cookies"], id: string, confirmName: string) =>
    outcome(() =>
      eraseAction(
        routeArgs(
          staffRequest(`/hub/companies/${id}/erase`, {
            cookie: cast.cookies[who],
            form: { confirmName },
          }),
          {
            id,
          },
        ),
      ),
    );

  test("only a hub lead may erase", async () => {
    const { id } = companies.c3;
    expect((await erase("adviser", companies.target.id, "x")).status).toBe(404);
    const page = await outcome(() =>
      eraseLoader(
        routeArgs(staffRequest(`/hub/companies/${id}/erase`, { cookie: cast.cookies.lead }), {
          id,
        }),
      ),
    );
    expect(page.status).toBe(200);
  });

  test("a wrong name is refused beside the field and nothing changes", async () => {
    const { id } = companies.c3;
    expect(await erase("lead", id, "Bolag 3")).toMatchObject({
      status: 400,
      data: { error: "nameMismatch" },
    });
    const row = await database()
      .db.selectFrom("companies")
      .select("name")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("Bolag 3 AB");
  });

  test("erasure leaves no personal data in any table; the scores stay; audit without the data", async () => {
    const { id, token } = companies.target;
    const db = database().db;
    await db
      .insertInto("delivered_services")
      .values({
        company_id: id,
        title: "Workshop för Hemliga Ögonblick AB",
        category: "training",
        technology_type: "ai",
        description: "Med Stina Privat, stina@hemliga.example",
        price_eur: 100,
        start_date: "2026-01-10",
        end_date: "2026-01-10",
      })
      .execute();
    const scoresBefore = await db.selectFrom("assessment_scores").select("score").execute();
    expect(await erase("lead", id, "  Hemliga Ögonblick AB ")).toMatchObject({
      status: 302,
      location: "/hub/companies?erased=1",
    });
    // Every text and JSON column of every table, searched for the name, number, email and contact.
    const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')`.execute(
      db,
    );
    const needles = ["Hemliga", "5560360793", "stina@hemliga.example", "Stina Privat", "zebrafisk"];
    for (const { table_name, column_name } of columns) {
      for (const needle of needles) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from ${sql.table(table_name)}
          where ${sql.ref(column_name)}::text ilike ${`%${needle}%`}`.execute(db);
        expect(rows[0].n, `${table_name}.${column_name} holds ${needle}`).toBe(0);
      }
    }
    expect(await db.selectFrom("assessment_scores").select("score").execute()).toHaveLength(
      scoresBefore.length,
    );
    const entry = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "company.erased")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_id: cast.users.lead.id, target_id: id });
    // The private link no longer opens anything.
    const page = await outcome(() =>
      privacyLoader(routeArgs(new Request(`http://x/a/${token}/privacy`), { token })),
    );
    expect(page.status).toBe(404);
    expect(await erase("lead", id, "(erased)")).toMatchObject({
      status: 409,
      data: { error: "alreadyErased" },
    });
  });
});
