import { describe, expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { previousAssessmentOf } from "../../app/lib/core/next-assessments";
import { buildProgressView } from "../../app/lib/view/progress-view";
import { translate, type Dictionary } from "../../app/lib/view/translate";
import { loadDefinition } from "../helpers/definitions";

const dma = loadDefinition("dma-sme", "1.1.0");
const tEn = (key: string, v?: Record<string, string | number>) =>
  translate(en as unknown as Dictionary, key, v);
const tSv = (key: string, v?: Record<string, string | number>) =>
  translate(sv as unknown as Dictionary, key, v);

const a = (
  id: string,
  stage: "T0" | "T1" | "T2",
  extra: Partial<Record<string, unknown>> = {},
) => ({
  id,
  definition_id: "dma-sme",
  definition_major: 1,
  stage,
  status: "submitted" as const,
  ...extra,
});

describe("previousAssessmentOf", () => {
  const t1 = a("t1", "T1");
  test.each([
    ["T1 after T0: the T0", t1, [a("t0", "T0"), t1], "t0"],
    ["T2: the T1, not the T0", a("t2", "T2"), [a("t0", "T0"), a("t1", "T1")], "t1"],
    ["T0: none", a("t0", "T0"), [a("t0", "T0")], undefined],
    [
      "another questionnaire: none",
      t1,
      [a("x", "T0", { definition_id: "smart-industry" })],
      undefined,
    ],
    ["another major version: none", t1, [a("x", "T0", { definition_major: 2 })], undefined],
    [
      "an unsubmitted earlier stage: none",
      t1,
      [a("x", "T0", { status: "in_progress" })],
      undefined,
    ],
  ] as const)("%s", (_label, current, others, expected) => {
    expect(previousAssessmentOf(current, [...others] as ReturnType<typeof a>[])?.id).toBe(expected);
  });
});

describe("the progress since the earlier assessment", () => {
  test("per area and overall, with a sentence in each language", () => {
    const dims = (v: number) => Object.fromEntries(dma.dimensions.map((d) => [d.id, v]));
    const previous = { stage: "T0" as const, overall: 30, dimensions: dims(30) };
    const current = { stage: "T1" as const, overall: 42.4, dimensions: { ...dims(30), data: 58 } };
    const view = buildProgressView(dma, current, previous, "en", tEn);
    expect(view.summary).toBe(
      "Your overall score rose by 12 points since your first assessment, from 30 to 42.",
    );
    expect(view.rows.map((r) => r.id)).toEqual(dma.dimensions.map((d) => d.id));
    expect(view.rows.find((r) => r.id === "data")).toMatchObject({
      before: 30,
      now: 58,
      change: "+28",
    });
    expect(view.overall.change).toBe("+12");
    expect(view.labels).toEqual({ before: "First assessment", now: "First follow-up" });
    const swedish = buildProgressView(
      dma,
      previous && { ...previous, stage: "T1" },
      previous,
      "sv",
      tSv,
    );
    expect(swedish.summary).toBe("Ert totala resultat är detsamma som vid första mätningen: 30.");
  });
});
