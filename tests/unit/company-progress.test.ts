import { describe, expect, test } from "vitest";
import {
  buildProgress,
  buildProgressChartData,
  type ProgressInput,
} from "../../app/lib/view/company-progress";

const dims = () => [
  { id: "strategy", label: "Strategy" },
  { id: "data", label: "Data" },
];
const at = (stage: string, version: string, day: number, overall: number): ProgressInput => ({
  definitionId: "dma-sme",
  version,
  major: Number(version.split(".")[0]),
  stage,
  submittedAt: new Date(Date.UTC(2026, 0, day)),
  overall,
  scores: { strategy: overall - 5, data: overall + 5 },
});

describe("buildProgress", () => {
  test("orders the stages T0 → T1 → T2 within one questionnaire", () => {
    const [p] = buildProgress([at("T1", "1.1.0", 20, 50), at("T0", "1.0.0", 1, 40)], dims);
    expect(p.stages.map((s) => [s.stage, s.overall])).toEqual([
      ["T0", 40],
      ["T1", 50],
    ]);
    expect(p.excluded).toEqual([]);
  });

  test("compares only the latest major version and names the others", () => {
    const [p] = buildProgress(
      [at("T0", "1.0.0", 1, 40), at("T1", "2.0.0", 20, 50), at("T2", "2.0.0", 40, 60)],
      dims,
    );
    expect(p.major).toBe(2);
    expect(p.stages.map((s) => s.stage)).toEqual(["T1", "T2"]);
    expect(p.excluded).toEqual([{ stage: "T0", version: "1.0.0" }]);
  });

  test("keeps questionnaires apart", () => {
    const pso = { ...at("T0", "1.0.0", 1, 30), definitionId: "dma-pso" };
    const result = buildProgress([at("T0", "1.0.0", 1, 40), pso], dims);
    expect(result.map((p) => p.definitionId)).toEqual(["dma-sme", "dma-pso"]);
  });
});

test("the chart has a group per dimension and overall, a bar per stage, rounded to 0.1", () => {
  const [p] = buildProgress([at("T0", "1.0.0", 1, 40.04), at("T1", "1.0.0", 9, 52.46)], dims);
  const data = buildProgressChartData(p, "Overall");
  expect(data.labels).toEqual(["Strategy", "Data", "Overall"]);
  expect(data.datasets.map((d) => [d.label, d.data])).toEqual([
    ["T0", [35, 45, 40]],
    ["T1", [47.5, 57.5, 52.5]],
  ]);
});
