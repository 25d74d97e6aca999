import { sql } from "kysely";
import { afterAll, beforeAll, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { seedDemoData } from "../../app/lib/server/demo-seed.server";
import * as migration0024 from "../../db/migrations/0024_assessment_score_arrays";
import { createViaApi, saveViaApi, submitViaApi } from "../helpers/api-routes";
import { openAppTestDatabase } from "../helpers/app-db";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";

// assessments.dimension_scores (migration 0024) carries a submitted assessment's scores for
// the DMA-results export: it must equal its assessment_scores rows, in the order of their
// dimension ids, whichever path wrote them.

let app: { close: () => Promise<void> };

beforeAll(async () => {
  app = await openAppTestDatabase();
  await seedDemoData();
}, 240_000);

afterAll(async () => {
  await app.close();
});

/** Submitted assessments, and those whose array is not their score rows in id order. */
async function compare(): Promise<{ submitted: number; wrong: string[] }> {
  const { rows } = await sql<{ id: string; equal: boolean }>`
    select a.id, a.dimension_scores is not distinct from (
      select array_agg(s.score order by s.dimension collate "C")
      from assessment_scores s where s.assessment_id = a.id
    ) as equal
    from assessments a where a.status = 'submitted'
  `.execute(database().db);
  return { submitted: rows.length, wrong: rows.filter((r) => !r.equal).map((r) => r.id) };
}

test("the demo seed stores every submitted assessment's scores on its row", async () => {
  const { submitted, wrong } = await compare();
  expect(submitted).toBeGreaterThan(300);
  expect(wrong).toEqual([]);
  // Both questionnaires' dimensions (dma-pso has interoperability) are there.
  const { rows } = await sql<{ definition_id: string; n: number }>`
    select definition_id, count(*)::int as n from assessments
    where status = 'submitted' and cardinality(dimension_scores) = 6 group by 1 order by 1
  `.execute(database().db);
  expect(rows.map((r) => r.definition_id)).toEqual(["dma-pso", "dma-sme"]);
});

test("a submission stores its scores on its row in the same transaction", async () => {
  const before = (await compare()).submitted;
  const dma = loadDefinition("dma-sme", "1.1.0");
  for (let i = 0; i < 3; i++) {
    const created = await createViaApi({
      companyName: `Arrayföretaget ${i} AB`,
      orgNumber: ["556036-0793", "556000-0001", "556677-8899"][i],
      sizeClass: "small",
      primarySector: "manufacturing",
      region: "skane",
      contactName: "Karin Holm",
      contactRole: "VD",
      contactEmail: "karin@example.se",
      consentAdvisers: false,
      consentBenchmark: true,
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    await saveViaApi(token, { answers: randomAnswers(dma, createRandom(100 + i)) });
    expect((await submitViaApi(token)).status).toBe(200);
  }
  const { submitted, wrong } = await compare();
  expect(submitted).toBe(before + 3);
  expect(wrong).toEqual([]);
});

test("migration 0024 fills the column from the stored score rows", async () => {
  const { db } = database();
  await migration0024.down(db);
  await migration0024.up(db);
  const { submitted, wrong } = await compare();
  expect(submitted).toBeGreaterThan(300);
  expect(wrong).toEqual([]);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from assessments
    where status = 'in_progress' and dimension_scores is not null
  `.execute(db);
  expect(rows[0].n).toBe(0);
});
