import { expect, test } from "vitest";
import { buildGaps } from "../../app/lib/view/company-gaps";

const dims = [
  { id: "strategy", label: "Strategy", score: 60 },
  { id: "data", label: "Data", score: 50 },
  { id: "green", label: "Green", score: 100 },
  { id: "human", label: "Human", score: 45 },
];
const rec = (rank: number, dimension: string, weight: number, itemLevel = false) => ({
  rank,
  name: `Service ${rank}`,
  reason: `Reason ${rank}`,
  dimension,
  itemLevel,
  weight,
});

test("orders by gap × service weight; a full score has no gap", () => {
  const gaps = buildGaps(dims, [rec(1, "strategy", 120), rec(2, "strategy", 40, true)]);
  // strategy: 40 × (1 + 1.6) = 104; human: 55; data: 50.
  expect(gaps.map((g) => [g.id, Math.round(g.priority)])).toEqual([
    ["strategy", 104],
    ["human", 55],
    ["data", 50],
  ]);
  expect(gaps[0].services.map((s) => s.rank)).toEqual([1, 2]);
  expect(gaps[0].items).toEqual(["Reason 2"]);
});

test("without recommendations the gap alone orders", () => {
  expect(buildGaps(dims, []).map((g) => g.id)).toEqual(["human", "data", "strategy"]);
});
