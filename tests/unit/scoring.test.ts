import { describe, expect, test } from "vitest";
import type { Answers } from "../../app/lib/core/answers";
import { parseDefinition, type SurveyDefinition } from "../../app/lib/core/definitions";
import { displayScore, findBand, scoreAnswers, type Score } from "../../app/lib/core/scoring";
import { loadDefinition, readDefinitionJson } from "../helpers/definitions";
import { randomAnswers, createRandom } from "../helpers/random-answers";

const dma = loadDefinition("dma-sme", "1.0.0");

const rows = <T extends number | string>(values: T[]): Record<string, T> =>
  Object.fromEntries(values.map((value, i) => [String(i + 1), value]));
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const both = { invested: true, planned: true };

function score(definition: SurveyDefinition, answers: Answers): Score {
  const result = scoreAnswers(definition, answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const lowest: Answers = {
  q1: {},
  q2: [],
  q3: [],
  q4: rows([0, 0, 0, 0, 0, 0, 0]),
  q5: [],
  q6: [],
  q7: [2],
  q8: [],
  q9: rows([0, 0, 0, 0, 0]),
  q10: [],
  q11: rows(["no", "no", "no", "no", "no"]),
};

const highest: Answers = {
  q1: Object.fromEntries(range(1, 10).map((row) => [String(row), both])),
  q2: range(1, 10),
  q3: range(1, 10),
  q4: rows([5, 5, 5, 5, 5, 5, 5]),
  q5: range(1, 7),
  q6: range(1, 8),
  q7: [1, ...range(3, 8)],
  q8: range(1, 6),
  q9: rows([5, 5, 5, 5, 5]),
  q10: range(1, 10),
  q11: rows(["yes", "yes", "yes", "yes", "yes"]),
};

// Worked by hand from the reference's scoring model:
//   q1 rows 1–4 both (1), rows 5–6 invested (0.5), row 7 planned (0.5): 5.5 / 10 = 0.55
//   q2 3/10 = 0.3                                   strategy  = (0.55 + 0.3) / 2   = 42.5
//   q3 4/10 = 0.4; q4 (5+3+0+0+2+0+1) / 35 = 11/35  readiness = (0.4 + 11/35) / 2  = 35.714…
//   q5 7/7 = 1; q6 "none" = 0                       human     = (1 + 0) / 2        = 50
//   q7 all 7 positive items = 1; q8 1/6             data      = (1 + 1/6) / 2      = 58.333…
//   q9 every row operational = 1                    automation                     = 100
//   q10 1/10; q11 (1 + 1 + 0.5 + 0 + 0) / 5 = 0.5   green     = (0.1 + 0.5) / 2    = 30
//   overall = 316.5476… / 6 = 52.7579… → moderately advanced, shown as 53
const mixed: Answers = {
  q1: {
    "1": both,
    "2": both,
    "3": both,
    "4": both,
    "5": { invested: true, planned: false },
    "6": { invested: true },
    "7": { planned: true },
    "8": { invested: false, planned: false },
  },
  q2: [1, 2, 3],
  q3: [1, 2, 5, 10],
  q4: rows([5, 3, 0, 0, 2, 0, 1]),
  q5: range(1, 7),
  q6: [],
  q7: [1, ...range(3, 8)],
  q8: [5],
  q9: rows([5, 5, 5, 5, 5]),
  q10: [10],
  q11: rows(["yes", "yes", "partially", "no", "no"]),
};

// Exactly 25: (50 + 0 + 25 + 25 + 20 + 30) / 6, the top of basic.
const exactly25: Answers = {
  q1: Object.fromEntries(range(1, 10).map((row) => [String(row), { invested: true }])),
  q2: range(1, 5),
  q3: [],
  q4: rows([0, 0, 0, 0, 0, 0, 0]),
  q5: [],
  q6: [1, 2, 3, 4],
  q7: [2],
  q8: [1, 2, 3],
  q9: rows([1, 1, 1, 1, 1]),
  q10: [1, 2, 3],
  q11: rows(["yes", "partially", "no", "no", "no"]),
};

// Exactly 50 on paper: (95 + (0.9 + 16/35) × 50 + 100 + (1/7) × 50 + 0 + 30) / 6, though
// floating point gives 50.00000000000001: still average, not moderately advanced.
const exactly50: Answers = {
  q1: highest.q1,
  q2: range(1, 9),
  q3: range(1, 9),
  q4: rows([5, 5, 5, 1, 0, 0, 0]),
  q5: range(1, 7),
  q6: range(1, 8),
  q7: [1],
  q8: [],
  q9: rows([0, 0, 0, 0, 0]),
  q10: [1],
  q11: rows(["yes", "yes", "partially", "no", "no"]),
};

describe("scoreAnswers on DMA 1.0.0", () => {
  test.each<[string, Answers, Record<string, number>, number, string]>([
    [
      "the lowest answers",
      lowest,
      { strategy: 0, readiness: 0, human: 0, data: 0, automation: 0, green: 0 },
      0,
      "basic",
    ],
    [
      "the highest answers",
      highest,
      { strategy: 100, readiness: 100, human: 100, data: 100, automation: 100, green: 100 },
      100,
      "advanced",
    ],
    [
      "a mixed response worked by hand",
      mixed,
      {
        strategy: 42.5,
        readiness: (25 / 70) * 100,
        human: 50,
        data: (7 / 12) * 100,
        automation: 100,
        green: 30,
      },
      (42.5 + (25 / 70) * 100 + 50 + (7 / 12) * 100 + 100 + 30) / 6,
      "moderately_advanced",
    ],
    [
      "a response at exactly 25",
      exactly25,
      { strategy: 50, readiness: 0, human: 25, data: 25, automation: 20, green: 30 },
      25,
      "basic",
    ],
    [
      "a response at exactly 50",
      exactly50,
      {
        strategy: 95,
        readiness: (0.9 + 16 / 35) * 50,
        human: 100,
        data: (1 / 7) * 50,
        automation: 0,
        green: 30,
      },
      50,
      "average",
    ],
    [
      "a response just above 25 (one rating step more)",
      { ...exactly25, q4: rows([1, 0, 0, 0, 0, 0, 0]) },
      { strategy: 50, readiness: (1 / 70) * 100, human: 25, data: 25, automation: 20, green: 30 },
      (150 + 100 / 70) / 6,
      "average",
    ],
  ])("%s", (_, answers, dimensions, overall, band) => {
    const result = score(dma, answers);
    expect(Object.keys(result.dimensions)).toEqual(Object.keys(dimensions));
    for (const [id, value] of Object.entries(dimensions)) {
      expect(result.dimensions[id], id).toBeCloseTo(value, 10);
    }
    expect(result.overall).toBeCloseTo(overall, 10);
    expect(result.band).toBe(band);
  });

  test("per-question scores of the mixed response", () => {
    expect(score(dma, mixed).questions).toEqual({
      q1: 0.55,
      q2: 0.3,
      q3: 0.4,
      q4: 11 / 35,
      q5: 1,
      q6: 0,
      q7: 1,
      q8: 1 / 6,
      q9: 1,
      q10: 0.1,
      q11: 0.5,
    });
    expect(displayScore(score(dma, mixed).overall)).toBe(53);
  });

  test.each<[number[], number]>([
    [[2], 0],
    [[], 0],
    [[1], 1 / 7],
    [[1, 3, 4], 3 / 7],
    [[1, 3, 4, 5, 6, 7, 8], 1],
  ])("q7 %j scores %d (item 2, not collected digitally, excludes the rest)", (q7, expected) => {
    expect(score(dma, { ...mixed, q7 }).questions.q7).toBeCloseTo(expected, 12);
  });

  test("1.1.0 scores like 1.0.0, with or without its comment", () => {
    const dma11 = loadDefinition("dma-sme", "1.1.0");
    expect(score(dma11, { ...mixed, challenge: "Kompetens" })).toEqual(score(dma, mixed));
    expect(score(dma11, mixed)).toEqual(score(dma, mixed));
  });
});

test("question weights weigh a dimension's mean", () => {
  const json = structuredClone(readDefinitionJson("dma-sme", "1.0.0")) as {
    scoring: { questions: Record<string, { weight?: number }> };
  };
  json.scoring.questions.q3.weight = 3;
  json.scoring.questions.q8.weight = 0.5;
  const parsed = parseDefinition(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const result = score(parsed.value, mixed);
  expect(result.dimensions.readiness).toBeCloseTo(((3 * 0.4 + 11 / 35) / 4) * 100, 10);
  expect(result.dimensions.data).toBeCloseTo(((1 + 0.5 / 6) / 1.5) * 100, 10);
  expect(result.dimensions.strategy).toBeCloseTo(42.5, 10);
});

describe("scoreAnswers rejects, never guesses", () => {
  const withoutQ5 = Object.fromEntries(Object.entries(mixed).filter(([name]) => name !== "q5"));
  test.each<[string, unknown, string[]]>([
    ["a missing question", withoutQ5, ["q5"]],
    ["an unanswered rating row", { ...mixed, q9: rows([5, 5, 5, 5]) }, ['q9["5"]']],
    ["the exclusive item with another", { ...mixed, q7: [2, 3] }, ["q7"]],
    ["an unknown question", { ...mixed, q12: [1] }, ["q12"]],
    ["an item that does not exist", { ...mixed, q8: [7] }, ["q8[0]"]],
    ["a value outside the scale", { ...mixed, q4: rows([6, 0, 0, 0, 0, 0, 0]) }, ['q4["1"]']],
    [
      "an unknown value",
      { ...mixed, q11: rows(["yes", "yes", "yes", "yes", "sometimes"]) },
      ['q11["5"]'],
    ],
    ["no answers at all", null, ["(root)"]],
  ])("%s", (_, answers, paths) => {
    const result = scoreAnswers(dma, answers);
    expect(result).not.toHaveProperty("value");
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(paths);
  });
});

test.each<[number, string]>([
  [0, "basic"],
  [12.5, "basic"],
  [25, "basic"],
  [25 + 4e-15, "basic"], // floating-point noise around 25 is still 25
  [25.0001, "average"],
  [50, "average"],
  [50.0001, "moderately_advanced"],
  [75, "moderately_advanced"],
  [75.0001, "advanced"],
  [100, "advanced"],
])("a score of %d is in band %s", (value, band) => {
  expect(findBand(dma, value).id).toBe(band);
});

test.each<[number, number]>([
  [0, 0],
  [24.49, 24],
  [24.5, 25],
  [57.49999999999999, 58], // (9/10 + 1/4) / 2 × 100: an exact 57.5 in floating point
  [52.757936507936506, 53],
  [99.5, 100],
  [100, 100],
])("displayScore(%d) is %d", (value, shown) => {
  expect(displayScore(value)).toBe(shown);
});

/**
 * The reference's "Our scoring model" for DMA 1.0.0, written straight from its prose and
 * sharing nothing with the engine.
 */
function referenceScore(a: Answers): {
  dimensions: Record<string, number>;
  overall: number;
  band: string;
} {
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  const list = (name: string) => a[name] as number[];
  const grid = <T>(name: string, n: number) =>
    range(1, n).map((row) => (a[name] as Record<string, T>)[String(row)]);
  const q1 = mean(
    grid<{ invested?: boolean; planned?: boolean } | undefined>("q1", 10).map(
      (cells) => (cells?.invested ? 0.5 : 0) + (cells?.planned ? 0.5 : 0),
    ),
  );
  const q4 = mean(grid<number>("q4", 7)) / 5;
  const q7 = list("q7").includes(2) ? 0 : list("q7").length / 7;
  const q9 = mean(grid<number>("q9", 5)) / 5;
  const q11 = mean(
    grid<string>("q11", 5).map((v) => ({ no: 0, partially: 0.5, yes: 1 })[v] as number),
  );
  const dimensions = {
    strategy: mean([q1, list("q2").length / 10]) * 100,
    readiness: mean([list("q3").length / 10, q4]) * 100,
    human: mean([list("q5").length / 7, list("q6").length / 8]) * 100,
    data: mean([q7, list("q8").length / 6]) * 100,
    automation: q9 * 100,
    green: mean([list("q10").length / 10, q11]) * 100,
  };
  const overall = mean(Object.values(dimensions));
  const band =
    overall <= 25
      ? "basic"
      : overall <= 50
        ? "average"
        : overall <= 75
          ? "moderately_advanced"
          : "advanced";
  return { dimensions, overall, band };
}

describe("the engine agrees with the reference's prose", () => {
  const random = createRandom(2024);
  const samples = Array.from({ length: 300 }, (_, i) => [i, randomAnswers(dma, random)] as const);

  test("the samples cover every band", () => {
    const bands = new Set(samples.map(([, answers]) => referenceScore(answers).band));
    expect([...bands].sort()).toEqual(["advanced", "average", "basic", "moderately_advanced"]);
  });

  test.each(samples)("on random response %i", (_, answers) => {
    const expected = referenceScore(answers);
    const actual = score(dma, answers);
    for (const [id, value] of Object.entries(expected.dimensions)) {
      expect(actual.dimensions[id], id).toBeCloseTo(value, 9);
    }
    expect(actual.overall).toBeCloseTo(expected.overall, 9);
    // Floating-point noise may fall either side of an edge; the edges are tested above.
    const nearEdge = [25, 50, 75].some((edge) => Math.abs(expected.overall - edge) < 1e-6);
    if (!nearEdge) expect(actual.band).toBe(expected.band);
  });
});
