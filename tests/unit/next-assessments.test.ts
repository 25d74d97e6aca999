import { describe, expect, test } from "vitest";
import {
  linkToNextAssessment,
  nextAssessmentOf,
  offeredNextSteps,
} from "../../app/lib/core/next-assessments";

const company = (primary_sector: string, secondary_sector: string | null = null) => ({
  customer_type: "sme" as const,
  primary_sector,
  secondary_sector,
});
const pso = { customer_type: "pso" as const, primary_sector: null, secondary_sector: null };

describe("offeredNextSteps", () => {
  test.each([
    ["dma-sme", "T0", company("manufacturing"), { followUpStage: "T1", offerSmartIndustry: true }],
    [
      "dma-sme",
      "T1",
      company("wholesale-retail"),
      { followUpStage: "T2", offerSmartIndustry: false },
    ],
    [
      "dma-sme",
      "T2",
      company("ict", "construction"),
      { followUpStage: undefined, offerSmartIndustry: true },
    ],
    [
      "smart-industry",
      "T0",
      company("manufacturing"),
      { followUpStage: undefined, offerSmartIndustry: false },
    ],
    // A public sector organisation follows up its dma-pso; the module is for companies.
    ["dma-pso", "T0", pso, { followUpStage: "T1", offerSmartIndustry: false }],
    ["dma-pso", "T2", pso, { followUpStage: undefined, offerSmartIndustry: false }],
  ] as const)("%s at %s offers what is expected", (definition_id, stage, profile, expected) => {
    expect(offeredNextSteps({ definition_id, stage }, profile, [])).toEqual({
      followUpState: "new",
      smartIndustryState: "new",
      ...expected,
    });
  });

  test("says where the follow-up and the module stand among the organisation's assessments", () => {
    const others = [
      { definition_id: "dma-sme", stage: "T0", status: "submitted" },
      { definition_id: "dma-sme", stage: "T1", status: "submitted" },
      { definition_id: "smart-industry", stage: "T0", status: "in_progress" },
    ] as const;
    const t0 = { definition_id: "dma-sme", stage: "T0" } as const;
    expect(offeredNextSteps(t0, company("manufacturing"), [...others])).toEqual({
      followUpStage: "T1",
      followUpState: "submitted",
      offerSmartIndustry: true,
      smartIndustryState: "in_progress",
    });
    const t1 = { definition_id: "dma-sme", stage: "T1" } as const;
    expect(offeredNextSteps(t1, company("manufacturing"), [...others])).toMatchObject({
      followUpStage: "T2",
      followUpState: "new",
      smartIndustryState: "new",
    });
  });
});

describe("linkToNextAssessment", () => {
  test.each([
    ["none yet: it is created", undefined, { ok: true, create: true }],
    ["in progress: a further link", { status: "in_progress" }, { ok: true, create: false }],
  ] as const)("%s", (_label, existing, expected) => {
    expect(linkToNextAssessment(existing)).toEqual(expected);
  });

  test("submitted: refused, so no link to its answers comes from an earlier stage", () => {
    expect(linkToNextAssessment({ status: "submitted" })).toMatchObject({
      ok: false,
      problem: { path: "stage" },
    });
  });
});

describe("nextAssessmentOf", () => {
  test.each([
    ["dma-sme", "T0", "follow-up", { ok: true, definitionId: "dma-sme", stage: "T1" }],
    ["dma-sme", "T1", "follow-up", { ok: true, definitionId: "dma-sme", stage: "T2" }],
    ["dma-sme", "T1", "smart-industry", { ok: true, definitionId: "smart-industry", stage: "T1" }],
    [
      "smart-industry",
      "T0",
      "follow-up",
      { ok: true, definitionId: "smart-industry", stage: "T1" },
    ],
    [
      "dma-sme",
      "T2",
      "follow-up",
      { ok: false, problem: { path: "stage", message: "T2 is the last follow-up" } },
    ],
    [
      "smart-industry",
      "T0",
      "smart-industry",
      { ok: false, problem: { path: "definition", message: "this is the smart industry module" } },
    ],
  ] as const)("%s at %s, %s", (definition_id, stage, kind, expected) => {
    expect(nextAssessmentOf({ definition_id, stage }, kind, { customer_type: "sme" })).toEqual(
      expected,
    );
  });

  test.each([
    ["follow-up", { ok: true, definitionId: "dma-pso", stage: "T1" }],
    [
      "smart-industry",
      {
        ok: false,
        problem: { path: "definition", message: "the smart industry module is for companies" },
      },
    ],
  ] as const)("a public sector organisation's dma-pso at T0, %s", (kind, expected) => {
    expect(
      nextAssessmentOf({ definition_id: "dma-pso", stage: "T0" }, kind, { customer_type: "pso" }),
    ).toEqual(expected);
  });
});
