import { sql } from "kysely";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as migration0023 from "../../db/migrations/0023_recommended_companies";
import * as migration0026 from "../../db/migrations/0026_dashboard_slice_sets";
import { listDashboardRollups } from "../../db/queries/dashboard";
import { startNextAssessment } from "../../app/lib/server/assessments.server";
import { assignCompany, unassignCompany } from "../../app/lib/server/assignments.server";
import { database } from "../../app/lib/server/db.server";
import { rebuildDashboard } from "../../app/lib/server/dashboard-rollups.server";
import { changeRoleAndPartner } from "../../app/lib/server/staff.server";
import { eraseCompany, withdrawConsent } from "../../app/lib/server/company-privacy.server";
import {
  recordDeliveredService,
  removeDeliveredService,
} from "../../app/lib/server/company-workspace.server";
import { setPeerConfirmation } from "../../app/lib/server/peer-confirmation.server";
import { rebuildPeerStatistics } from "../../app/lib/server/peers.server";
import { TECHNOLOGY_TYPES } from "../../app/lib/core/adviser-forms";
import { SERVICE_CATEGORIES } from "../../app/lib/core/service-catalogue";
import type { Actor } from "../../app/lib/core/staff-policy";
import { benchmarkTables, newOrgNumber } from "../helpers/peers";
import { GOVERNMENT_AREAS, HUB_REGIONS, SECTORS } from "../../app/lib/core/vocabularies";
import { createViaApi, saveViaApi, submitViaApi } from "../helpers/api-routes";
import { openAppTestDatabase } from "../helpers/app-db";
import { loadDefinition } from "../helpers/definitions";
import { psoProfile } from "../helpers/profiles";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { createTestStaff } from "../helpers/staff";

const dma = loadDefinition("dma-sme", "1.1.0");
const pso = loadDefinition("dma-pso", "1.0.0");
const random = createRandom(1212);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
let app: { close: () => Promise<void> };

beforeAll(async () => {
  app = await openAppTestDatabase();
}, 180_000);

afterAll(async () => {
  await app.close();
});

async function create(kind: "sme" | "pso"): Promise<{ token: string; companyId: string }> {
  const profile =
    kind === "pso"
      ? { ...psoProfile, primaryArea: pick(GOVERNMENT_AREAS), region: pick(HUB_REGIONS) }
      : {
          companyName: "Slumpbolaget AB",
          // Some share one organisation number (one organisation in the peer statistics).
          orgNumber: random() < 0.3 ? newOrgNumber(1) : newOrgNumber(),
          sizeClass: pick(["micro", "small", "medium", "large"]),
          primarySector: pick(SECTORS),
          region: pick(HUB_REGIONS),
          contactName: "Test Person",
          contactEmail: "test@example.se",
          consentAdvisers: true,
          consentBenchmark: random() < 0.7,
        };
  const response = await createViaApi(profile);
  expect(response.status).toBe(201);
  const { token } = (await response.json()) as { token: string };
  const row = await database()
    .db.selectFrom("assessments")
    .select("company_id")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { token, companyId: row.company_id };
}

async function submit(token: string, kind: "sme" | "pso") {
  expect(
    (await saveViaApi(token, { answers: randomAnswers(kind === "pso" ? pso : dma, random) }))
      .status,
  ).toBe(200);
  expect((await submitViaApi(token)).status).toBe(200);
}

/** A delivered service for a company: from the catalogue or free, dated around now. */
async function deliver(companyId: string, actor: Actor, serviceIds: readonly string[]) {
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const fromCatalogue = random() < 0.6;
  const start = Math.floor(random() * 20) - 10;
  return recordDeliveredService(
    companyId,
    {
      serviceId: fromCatalogue ? pick(serviceIds) : undefined,
      title: fromCatalogue ? undefined : "Workshop",
      category: fromCatalogue ? undefined : pick(SERVICE_CATEGORIES),
      technologyType: pick(TECHNOLOGY_TYPES),
      description: "",
      priceEur: 1000,
      attendees: 3,
      startDate: day(start),
      endDate: day(start + 2),
      partnerId: undefined,
      recommendation: undefined,
    },
    { actor, ip: null },
  );
}

test("the rollups and peer statistics kept by every write equal a rebuild from the stored rows", async () => {
  const advisers = [
    await createTestStaff("a1@example.se", "adviser", "iuc-syd"),
    await createTestStaff("a2@example.se", "adviser", "techtank"),
    await createTestStaff("a3@example.se", "adviser", null),
  ];
  const by = { actor: null, ip: null };
  const companies: { token: string; companyId: string; kind: "sme" | "pso" }[] = [];
  for (let i = 0; i < 30; i++) {
    const kind = random() < 0.3 ? "pso" : "sme";
    const created = await create(kind);
    companies.push({ ...created, kind });
    // Some are left in progress, most are submitted.
    if (i < 3 || random() < 0.8) await submit(created.token, kind);
    // The first three go to the first adviser (below); others at random.
    if (i < 3) await assignCompany(created.companyId, advisers[0].id, by);
    else if (random() < 0.4) await assignCompany(created.companyId, pick(advisers).id, by);
  }
  const submitted = await database()
    .db.selectFrom("assessments")
    .select("company_id")
    .where("status", "=", "submitted")
    .execute();
  const done = new Set(submitted.map((r) => r.company_id));
  for (const company of companies.filter((c) => done.has(c.companyId)).slice(0, 12)) {
    const next = await startNextAssessment(company.token, "follow-up");
    if (random() < 0.8) await submit(next.token, company.kind);
  }
  // Assignments change, and an adviser moves to another partner organisation.
  await unassignCompany(companies[0].companyId, advisers[0].id, by);
  await assignCompany(companies[3].companyId, advisers[1].id, by);
  await changeRoleAndPartner(advisers[0].id, { role: "adviser", partnerId: "rise" }, by);

  // The hub confirms most as customers; services are delivered and one taken back.
  const lead = await createTestStaff("lead@example.se", "hub_lead", null);
  const actor: Actor = { ...lead, partnerId: null };
  const services = await database().db.selectFrom("services").select("id").execute();
  const deliveries: { companyId: string; id: string }[] = [];
  for (const company of companies) {
    if (random() < 0.8) await setPeerConfirmation(company.companyId, true, by);
    for (let n = Math.floor(random() * 3); n > 0; n--) {
      const id = await deliver(
        company.companyId,
        actor,
        services.map((s) => s.id),
      );
      deliveries.push({ companyId: company.companyId, id });
    }
  }
  await removeDeliveredService(deliveries[0].companyId, deliveries[0].id, { actor, ip: null });
  // Consents are withdrawn, companies erased (also one sharing an organisation number).
  for (const company of companies.slice(4, 9)) {
    await withdrawConsent(company.companyId, pick(["benchmark", "advisers"] as const));
  }
  for (const company of [companies[1], companies[3], companies[10]]) {
    const { name } = await database()
      .db.selectFrom("companies")
      .select("name")
      .where("id", "=", company.companyId)
      .executeTakeFirstOrThrow();
    await eraseCompany(company.companyId, name, { actor, ip: null });
  }

  const kept = await listDashboardRollups(database().db);
  expect(kept.some((r) => r.key.includes("|change|"))).toBe(true);
  expect(kept.some((r) => r.key.includes("|recommended|"))).toBe(true);
  expect(kept.some((r) => r.key.includes("|delivered|"))).toBe(true);
  expect(kept.some((r) => r.key.includes("|received|"))).toBe(true);
  expect(kept.some((r) => r.key.includes("|rise|"))).toBe(true);
  await rebuildDashboard(database().db);
  expect(kept).toEqual(await listDashboardRollups(database().db));
  const peers = await benchmarkTables();
  expect(peers[0].length).toBeGreaterThan(5);
  await rebuildPeerStatistics(database().db);
  expect(peers).toEqual(await benchmarkTables());
}, 240_000);

test("migration 0023 turns the rows that counted recommendations into company counts equal to a rebuild", async () => {
  // Runs on the first test's data: companies with a T0 and a T1, several services each.
  const { db } = database();
  await rebuildDashboard(db);
  const rebuilt = await listDashboardRollups(db);
  expect(rebuilt.some((r) => r.key.includes("|recommended-any|"))).toBe(true);
  // The rows as they were before the migration: one per recommendation (and, as then, no
  // slice sets: migration 0026 came later).
  await migration0026.down(db);
  const recommendedRows = async () => {
    const { rows } = await sql<{ measure: string; n: number }>`
      select measure, sum(count)::int as n from dashboard_rollups
      where measure like 'recommended%' group by 1 order by 1
    `.execute(db);
    return rows;
  };
  const now = await recommendedRows();
  await migration0023.down(db);
  const before = await recommendedRows();
  expect(before.map((r) => r.measure)).toEqual(["recommended"]);
  expect(before[0].n).not.toBe(now.find((r) => r.measure === "recommended")!.n);
  await migration0023.up(db);
  await migration0026.up(db);
  expect(await listDashboardRollups(db)).toEqual(rebuilt);
});

test("migration 0026 sums the full grain over every set of at most two slice columns, equal to a rebuild", async () => {
  const { db } = database();
  await rebuildDashboard(db);
  const rebuilt = await listDashboardRollups(db);
  const sets = new Set(rebuilt.map((r) => r.key.split("|")[2]));
  expect([...sets].sort((a, b) => Number(a) - Number(b))).toEqual([
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "8",
    "9",
    "10",
    "12",
    "15",
  ]);
  await migration0026.down(db);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from dashboard_rollups where count <> 0 or total <> 0
  `.execute(db);
  expect(rows[0].n).toBe(rebuilt.filter((r) => r.key.split("|")[2] === "15").length);
  await migration0026.up(db);
  expect(await listDashboardRollups(db)).toEqual(rebuilt);
});
