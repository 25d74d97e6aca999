import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";
import { migrations } from "../../db/migrations";
import { countCompanies } from "../../db/queries/companies";
import { insertDemoData } from "../../db/seed";
import { generateDemoData } from "../../app/lib/server/demo-data.server";
import { HUB_REGIONS, SIZE_CLASSES } from "../../app/lib/core/vocabularies";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { DEFINITIONS_DIR } from "../helpers/definitions";
import { createTestDatabase } from "../helpers/test-db";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe("the database layer", () => {
  test("runs on the kind the environment asks for", () => {
    expect(handle.kind).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });

  test("applies every registered migration, and a second run changes nothing", async () => {
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(handle.db);
    // Kysely applies them in name order; the registry lists them in the order they merged.
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    const again = await migrateToLatest(handle.db);
    expect(again.results).toEqual([]);
  });

  test("stores the demo data set: companies over the hub's counties and every size class", async () => {
    const dma = loadDefinitionRegistry(DEFINITIONS_DIR).latest("dma-sme");
    const data = generateDemoData({ companies: 120, dma });
    const before = await countCompanies(handle.db);
    await insertDemoData(handle.db, data);
    expect(await countCompanies(handle.db)).toBe(before + 120);
    // Only this data set's rows: other tests may have stored companies of their own.
    const companyIds = data.companies.map((c) => c.id);
    const assessments = await handle.db
      .selectFrom("assessments")
      .select(["id", "status", "stage", "submitted_at"])
      .where("company_id", "in", companyIds)
      .execute();
    expect(assessments.length).toBe(data.assessments.length);
    expect(assessments.every((a) => a.status === "submitted" && a.submitted_at)).toBe(true);
    const perAssessment = await handle.db
      .selectFrom("assessment_scores")
      .select([
        "assessment_id",
        sql<number>`count(*)::int`.as("n"),
        sql<number>`min(extract(day from submitted_month))::int`.as("day"),
      ])
      .where(
        "assessment_id",
        "in",
        assessments.map((a) => a.id),
      )
      .groupBy("assessment_id")
      .execute();
    expect(perAssessment).toHaveLength(assessments.length);
    expect(perAssessment.every((r) => r.n === 6 && r.day === 1)).toBe(true);
    const regions = await handle.db
      .selectFrom("companies")
      .select(["region", sql<number>`count(*)::int`.as("n")])
      .where("id", "in", companyIds)
      .groupBy("region")
      .execute();
    const hubShare =
      regions
        .filter((r) => (HUB_REGIONS as readonly string[]).includes(r.region))
        .reduce((s, r) => s + r.n, 0) / 120;
    expect(hubShare).toBeGreaterThan(0.6);
    expect(regions.length).toBeGreaterThan(3);
    const sizes = await handle.db
      .selectFrom("companies")
      .select("size_class")
      .where("id", "in", companyIds)
      .distinct()
      .execute();
    expect(sizes.map((s) => s.size_class).sort()).toEqual([...SIZE_CLASSES].sort());
  });

  test("rejects a size class outside the EU classes", async () => {
    await expect(
      handle.db
        .insertInto("companies")
        .values({
          name: "Test AB",
          org_number: null,
          country: "SE",
          size_class: "huge" as never,
          primary_sector: "manufacturing",
          secondary_sector: null,
          region: "skane",
          contact_name: null,
          contact_role: null,
          contact_email: null,
        })
        .execute(),
    ).rejects.toThrow();
  });

  test.each([
    ["a PSO of the micro size class", { size_class: "micro" }],
    ["a PSO with an SME sector", { primary_sector: "manufacturing" }],
    ["a PSO without a type of organisation", { organisation_type: null }],
    ["a PSO without a government area", { primary_area: null }],
    [
      "a company with a type of organisation",
      { customer_type: "sme", primary_sector: "manufacturing", primary_area: null },
    ],
  ])("refuses %s: each customer type has only its own profile fields", async (_, change) => {
    const organisation = {
      name: "Testkommun",
      org_number: "2120000597",
      country: "SE",
      customer_type: "pso" as const,
      size_class: "large" as const,
      primary_sector: null,
      secondary_sector: null,
      organisation_type: "municipal" as const,
      primary_area: "health",
      secondary_area: null,
      region: "skane",
      contact_name: null,
      contact_role: null,
      contact_email: null,
    };
    await handle.db.insertInto("companies").values(organisation).execute();
    await expect(
      handle.db
        .insertInto("companies")
        .values({ ...organisation, ...change } as never)
        .execute(),
    ).rejects.toThrow();
  });
});
