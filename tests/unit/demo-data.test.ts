import { describe, expect, test } from "vitest";
import { validateAnswers } from "../../app/lib/core/answers";
import { generateDemoData } from "../../app/lib/server/demo-data.server";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { parseProfile } from "../../app/lib/core/profile";
import { DEFINITIONS_DIR } from "../helpers/definitions";

const dma = loadDefinitionRegistry(DEFINITIONS_DIR).latest("dma-sme");
if (!dma) throw new Error("dma-sme must be published");
const data = generateDemoData({ dma });
const t0 = data.assessments.filter((a) => a.stage === "T0");
const companyOf = new Map(data.companies.map((c) => [c.id, c]));

function meanOverall(filter: (c: (typeof data.companies)[number]) => boolean): number {
  const scores = t0
    .filter((a) => filter(companyOf.get(a.company_id)!))
    .map((a) => a.overall_score!);
  return scores.reduce((s, x) => s + x, 0) / scores.length;
}

describe("the demo data", () => {
  test("is the same on every machine", () => {
    expect(generateDemoData({ dma, companies: 20 })).toEqual(
      generateDemoData({ dma, companies: 20 }),
    );
  });

  test("every company has a submitted T0 whose stored scores are the engine's scores of its answers", () => {
    expect(data.companies).toHaveLength(300);
    expect(t0).toHaveLength(300);
    for (const assessment of data.assessments) {
      const answers = JSON.parse(assessment.answers as string);
      expect(validateAnswers(dma.definition, answers, { complete: true }).ok).toBe(true);
      const scored = scoreAnswers(dma.definition, answers);
      if (!scored.ok) throw new Error("must score");
      expect(assessment.overall_score).toBe(scored.value.overall);
      expect(assessment.band).toBe(scored.value.band);
      const rows = data.scores.filter((s) => s.assessment_id === assessment.id);
      expect(Object.fromEntries(rows.map((r) => [r.dimension, r.score]))).toEqual(
        scored.value.dimensions,
      );
      expect(rows.every((r) => /^\d{4}-\d{2}-01$/.test(r.submitted_month))).toBe(true);
    }
  });

  test("spreads realistically: more basic and average than advanced, at least three bands", () => {
    const bands = new Map<string, number>();
    for (const a of t0) bands.set(a.band!, (bands.get(a.band!) ?? 0) + 1);
    expect((bands.get("basic") ?? 0) + (bands.get("average") ?? 0)).toBeGreaterThan(
      (bands.get("advanced") ?? 0) * 5,
    );
    expect(bands.size).toBeGreaterThanOrEqual(3);
  });

  test.each([
    [
      "ICT ahead of agriculture",
      (c: { primary_sector: string }) => c.primary_sector === "ict",
      (c: { primary_sector: string }) => c.primary_sector === "agriculture-food",
    ],
    [
      "large firms ahead of micro firms",
      (c: { size_class: string }) => c.size_class === "large",
      (c: { size_class: string }) => c.size_class === "micro",
    ],
  ])("varies by sector and size: %s", (_label, ahead, behind) => {
    expect(meanOverall(ahead as never)).toBeGreaterThan(meanOverall(behind as never));
  });

  test("every T1 follows a T0 of the same company, later and higher", () => {
    const t1 = data.assessments.filter((a) => a.stage === "T1");
    expect(t1.length).toBeGreaterThan(30);
    for (const follow of t1) {
      const first = t0.find((a) => a.company_id === follow.company_id)!;
      expect(new Date(follow.submitted_at as Date).getTime()).toBeGreaterThan(
        new Date(first.submitted_at as Date).getTime(),
      );
      expect(follow.overall_score!).toBeGreaterThan(first.overall_score!);
    }
  });

  test("some companies with a T1 came back for a T2, later and higher; others are due one", () => {
    const t1 = data.assessments.filter((a) => a.stage === "T1");
    const t2 = data.assessments.filter((a) => a.stage === "T2");
    expect(t2.length).toBeGreaterThanOrEqual(10);
    expect(t2.length).toBeLessThanOrEqual(t1.length - 10);
    const now = Date.UTC(2026, 10, 1);
    for (const second of t2) {
      const first = t1.find((a) => a.company_id === second.company_id);
      expect(first, "a T2 follows a T1").toBeDefined();
      const at = new Date(second.submitted_at as Date).getTime();
      expect(at).toBeGreaterThan(new Date(first!.submitted_at as Date).getTime());
      expect(at).toBeLessThanOrEqual(now);
      expect(second.overall_score!).toBeGreaterThan(first!.overall_score!);
    }
    expect(new Set(t2.map((a) => a.company_id)).size).toBe(t2.length);
  });

  test("adding the T2s changed none of the companies, T0s and T1s", () => {
    const small = generateDemoData({ dma, companies: 40 });
    expect(small.companies).toEqual(data.companies.slice(0, 40));
    const ids = new Set(small.companies.map((c) => c.id));
    expect(small.assessments.filter((a) => a.stage !== "T2")).toEqual(
      data.assessments.filter((a) => a.stage !== "T2" && ids.has(a.company_id)),
    );
  });
});

describe("the demo public sector organisations", () => {
  const pso = loadDefinitionRegistry(DEFINITIONS_DIR).latest("dma-pso");
  if (!pso) throw new Error("dma-pso must be published");
  const both = generateDemoData({ dma, pso, companies: 10 });
  const organisations = both.companies.filter((c) => c.customer_type === "pso");
  const ids = new Set(organisations.map((o) => o.id));
  const assessments = both.assessments.filter((a) => ids.has(a.company_id));

  test("are about 40 fictional organisations of the hub's three counties, with valid profiles", () => {
    expect(organisations.length).toBeGreaterThanOrEqual(38);
    expect(organisations.length).toBeLessThanOrEqual(45);
    expect(new Set(organisations.map((o) => o.name)).size).toBe(organisations.length);
    expect(new Set(organisations.map((o) => o.region))).toEqual(
      new Set(["skane", "blekinge", "kronoberg"]),
    );
    expect(new Set(organisations.map((o) => o.organisation_type))).toEqual(
      new Set(["national", "regional", "municipal", "other"]),
    );
    for (const o of organisations) {
      const profile = parseProfile({
        customerType: "pso",
        organisationName: o.name,
        orgNumber: o.org_number,
        organisationType: o.organisation_type,
        sizeClass: o.size_class,
        primaryArea: o.primary_area,
        secondaryArea: o.secondary_area ?? "",
        region: o.region,
        contactName: o.contact_name,
        contactEmail: o.contact_email,
      });
      expect(profile, o.name).toMatchObject({ ok: true });
      expect(o.primary_sector).toBeNull();
    }
    // The companies are drawn as before: adding the organisations changes none of them.
    expect(both.companies.filter((c) => c.customer_type === "sme")).toEqual(
      generateDemoData({ dma, companies: 10 }).companies,
    );
  });

  test("each has a T0 of dma-pso scored by the engine, and some an improved T1", () => {
    expect(assessments.filter((a) => a.stage === "T0")).toHaveLength(organisations.length);
    const t1 = assessments.filter((a) => a.stage === "T1");
    expect(t1.length).toBeGreaterThanOrEqual(5);
    for (const assessment of assessments) {
      expect(assessment.definition_id).toBe("dma-pso");
      const scored = scoreAnswers(pso.definition, JSON.parse(assessment.answers as string));
      if (!scored.ok) throw new Error("must score");
      expect(assessment.overall_score).toBe(scored.value.overall);
      const rows = both.scores.filter((s) => s.assessment_id === assessment.id);
      expect(Object.fromEntries(rows.map((r) => [r.dimension, r.score]))).toEqual(
        scored.value.dimensions,
      );
      expect(rows.every((r) => r.customer_type === "pso" && r.organisation_type)).toBe(true);
    }
    for (const follow of t1) {
      const first = assessments.find(
        (a) => a.stage === "T0" && a.company_id === follow.company_id,
      )!;
      expect(follow.overall_score!).toBeGreaterThan(first.overall_score!);
    }
  });
});
