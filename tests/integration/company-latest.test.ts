import { afterAll, beforeAll, expect, test } from "vitest";
import { computeCompanyLatest, rebuildCompanyLatest } from "../../db/queries/company-latest";
import { startNextAssessment } from "../../app/lib/server/assessments.server";
import { eraseCompany } from "../../app/lib/server/company-privacy.server";
import { database } from "../../app/lib/server/db.server";
import { HUB_REGIONS, SECTORS } from "../../app/lib/core/vocabularies";
import { createViaApi, saveViaApi, submitViaApi } from "../helpers/api-routes";
import { openAppTestDatabase } from "../helpers/app-db";
import { loadDefinition } from "../helpers/definitions";
import { psoProfile } from "../helpers/profiles";
import { insertProfiledCompany } from "../helpers/workspace-fixtures";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { createTestStaff } from "../helpers/staff";

const definitions = {
  sme: loadDefinition("dma-sme", "1.1.0"),
  pso: loadDefinition("dma-pso", "1.0.0"),
  "smart-industry": loadDefinition("smart-industry", "1.0.0"),
};
const random = createRandom(2416);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
let app: { close: () => Promise<void> };

beforeAll(async () => {
  app = await openAppTestDatabase();
}, 60_000);

afterAll(async () => {
  await app.close();
});

const kept = async () => {
  const rows = await database()
    .db.selectFrom("company_latest")
    .selectAll()
    .orderBy("company_id")
    .execute();
  return rows.map((r) => ({ ...r }));
};

test("the client list's company rows kept by every write equal a rebuild", async () => {
  const lead = await createTestStaff("lead@example.se", "hub_lead");
  type Live = {
    token: string;
    kind: keyof typeof definitions;
    submitted: boolean;
    id?: string;
  };
  const companies: { id: string; name: string; kind: "sme" | "pso"; links: Live[] }[] = [];
  const submit = async (link: Live) => {
    const answers = randomAnswers(definitions[link.kind], random);
    expect((await saveViaApi(link.token, { answers })).status).toBe(200);
    expect((await submitViaApi(link.token)).status).toBe(200);
    link.submitted = true;
  };

  for (let step = 0; step < 50; step++) {
    const roll = random();
    const open = companies.flatMap((c) => c.links.filter((l) => !l.submitted));
    const done = companies.flatMap((c) =>
      c.links.filter((l) => l.submitted).map((l) => ({ company: c, link: l })),
    );
    if (roll < 0.3 || companies.length < 3) {
      // A company starts (an SME or a public sector organisation).
      const kind = random() < 0.3 ? "pso" : "sme";
      const name = `Bolag ${step}`;
      const profile =
        kind === "pso"
          ? { ...psoProfile, organisationName: name, region: pick(HUB_REGIONS) }
          : {
              companyName: name,
              orgNumber: "556036-0793",
              sizeClass: pick(["micro", "small", "medium", "large"]),
              primarySector: random() < 0.5 ? "manufacturing" : pick(SECTORS),
              region: pick(HUB_REGIONS),
              contactName: "Test Person",
              contactEmail: "test@example.se",
              consentAdvisers: true,
              consentBenchmark: true,
            };
      const response = await createViaApi(profile);
      expect(response.status).toBe(201);
      const { token } = (await response.json()) as { token: string };
      const row = await database()
        .db.selectFrom("assessments")
        .innerJoin("companies", "companies.id", "assessments.company_id")
        .select(["company_id", "companies.name"])
        .orderBy("assessments.created_at", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      companies.push({
        id: row.company_id,
        name: row.name,
        kind,
        links: [{ token, kind, submitted: false }],
      });
    } else if (roll < 0.65 && open.length > 0) {
      await submit(pick(open));
    } else if (roll < 0.9 && done.length > 0) {
      // A follow-up (T1, T2) or the smart industry module; refusals (T2 done, not
      // industrial, already submitted) change nothing.
      const { company, link } = pick(done);
      const intent = random() < 0.75 ? "follow-up" : "smart-industry";
      try {
        const next = await startNextAssessment(link.token, intent);
        const kind = intent === "smart-industry" ? "smart-industry" : company.kind;
        // Asking again gives a further link to the same assessment: one entry each.
        if (!company.links.some((l) => l.id === next.assessmentId)) {
          company.links.push({ token: next.token, kind, submitted: false, id: next.assessmentId });
        }
      } catch {
        // refused: nothing to keep
      }
    } else if (companies.length > 0) {
      const company = pick(companies);
      if (!company.name.startsWith("(")) {
        await eraseCompany(company.id, company.name, {
          actor: { ...lead, partnerId: lead.partner_id },
          ip: null,
        });
        company.name = "(erased)";
        company.links = []; // its links stop working
      }
    }
  }

  const before = await kept();
  // Every next step and a change since an earlier stage occur.
  const steps = new Set(before.map((r) => r.next_step));
  expect([...steps].sort()).toEqual(expect.arrayContaining(["in-progress", "t1-due"]));
  expect(before.some((r) => r.change !== null)).toBe(true);
  expect(before).toHaveLength(companies.length);
  // What a rebuild would write, and what it does write.
  const computed = (await computeCompanyLatest(database().db)).sort((a, b) =>
    String(a.company_id).localeCompare(String(b.company_id)),
  );
  expect(before).toEqual(computed);
  await rebuildCompanyLatest(database().db);
  expect(await kept()).toEqual(before);
}, 300_000);

test("every company has its list row: one without a main assessment has next step none", async () => {
  const id = await insertProfiledCompany({ name: "Utan Bedömning AB" });
  const row = async () =>
    database()
      .db.selectFrom("company_latest")
      .select(["next_step", "overall_score", "latest_stage"])
      .where("company_id", "=", id)
      .executeTakeFirst();
  expect(await row()).toEqual({ next_step: "none", overall_score: null, latest_stage: null });
  await rebuildCompanyLatest(database().db);
  expect(await row()).toEqual({ next_step: "none", overall_score: null, latest_stage: null });
  const { companies } = await database()
    .db.selectFrom("companies")
    .select((eb) => eb.fn.countAll<string>().as("companies"))
    .executeTakeFirstOrThrow();
  expect((await kept()).length).toBe(Number(companies));
});
