import { afterAll, beforeAll, expect, test } from "vitest";
import { parseCompanyListQuery } from "../../app/lib/core/company-list";
import { database } from "../../app/lib/server/db.server";
import { listClientCompanies } from "../../app/lib/server/company-list.server";
import { seedDemoData } from "../../app/lib/server/demo-seed.server";
import { openAppTestDatabase } from "../helpers/app-db";

let app: { close: () => Promise<void> };
beforeAll(async () => {
  app = await openAppTestDatabase();
  await seedDemoData();
}, 180_000);
afterAll(async () => {
  await app.close();
});

/** A demo staff account as the client list's actor. */
async function demoActor(email: string) {
  const user = await database()
    .db.selectFrom("users")
    .select(["id", "email", "name", "role", "partner_id"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return { ...user, partnerId: user.partner_id };
}

test("the demo adviser's workspace has T0, T1 and T2, notes and delivered services", async () => {
  const { db } = database();
  const adviser = await demoActor("radgivare.skane@demo.mognad.example");
  const list = await listClientCompanies(adviser, parseCompanyListQuery(new URLSearchParams()));
  expect(list.total).toBe(20);
  expect(list.rows.filter((r) => r.latest_stage === "T1").length).toBeGreaterThanOrEqual(2);
  expect(list.rows.filter((r) => r.latest_stage === "T2").length).toBeGreaterThanOrEqual(1);
  expect(list.rows.some((r) => r.change !== null)).toBe(true);

  const ids = list.rows.map((r) => r.id);
  const notes = await db
    .selectFrom("company_notes")
    .selectAll()
    .where("company_id", "in", ids)
    .execute();
  const delivered = await db
    .selectFrom("delivered_services as d")
    .innerJoin("assessments as a", "a.id", "d.recommendation_assessment_id")
    .select(["d.start_date", "d.end_date", "a.submitted_at", "d.partner_id", "d.created_by"])
    .where("d.company_id", "in", ids)
    .execute();
  expect(new Set(notes.map((n) => n.company_id)).size).toBeGreaterThanOrEqual(10);
  expect(notes.every((n) => n.author_id === adviser.id)).toBe(true);
  expect(delivered.length).toBeGreaterThanOrEqual(10);
  for (const d of delivered) {
    expect(d.end_date.getTime()).toBeGreaterThanOrEqual(d.start_date.getTime());
    expect(d.start_date.getTime()).toBeGreaterThanOrEqual(
      new Date(d.submitted_at!.toISOString().slice(0, 10)).getTime(),
    );
    expect(d).toMatchObject({ partner_id: "iuc-syd", created_by: adviser.id });
  }
});

test("the demo hub has companies with a T2 and companies due one", async () => {
  const actor = await demoActor("hubblead@demo.mognad.example");
  const list = async (query: string) =>
    listClientCompanies(actor, parseCompanyListQuery(new URLSearchParams(query)));
  expect((await list("next=t2-due")).total).toBeGreaterThanOrEqual(10);
  const done = (await list("sort=stage&dir=desc&per=100")).rows.filter(
    (r) => r.latest_stage === "T2",
  );
  expect(done.length).toBeGreaterThanOrEqual(10);
  expect(done.every((r) => r.next_step === "none" && r.change !== null && r.change > 0)).toBe(true);
});
