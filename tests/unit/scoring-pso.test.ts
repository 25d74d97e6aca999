import { describe, expect, test } from "vitest";
import type { Answers } from "../../app/lib/core/answers";
import type { SurveyDefinition } from "../../app/lib/core/definitions";
import { displayScore, scoreAnswers, type Score } from "../../app/lib/core/scoring";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";

// The EU DMA for public sector organisations (/work/shared/reference/eu-dma-pso.md, "Our
// scoring model"). Its question numbers are not the SME form's: the investment grid is q2
// here, and q9 is a tick grid, not a 0–5 scale.
const pso = loadDefinition("dma-pso", "1.0.0");

const rows = <T extends number | string>(values: T[]): Record<string, T> =>
  Object.fromEntries(values.map((value, i) => [String(i + 1), value]));
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** A tick grid with `a` ticked in `rowsA` and `b` ticked in `rowsB`. */
function ticks(a: string, rowsA: number[], b: string, rowsB: number[]) {
  const grid: Record<string, Record<string, boolean>> = {};
  for (const row of rowsA) grid[String(row)] = { ...grid[String(row)], [a]: true };
  for (const row of rowsB) grid[String(row)] = { ...grid[String(row)], [b]: true };
  return grid;
}

function score(definition: SurveyDefinition, answers: Answers): Score {
  const result = scoreAnswers(definition, answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

// Worked example A of the reference (a municipality, Small), typed from its table.
const exampleA: Answers = {
  q1: [1, 3, 4, 10],
  q2: ticks("invested", [1, 4, 5], "planned", [1, 7]),
  q3: [1, 2, 3, 5, 6, 7],
  q4: rows([0, 0, 3, 0, 5, 0, 1, 2]),
  q5: [3, 6],
  q6: [1, 2, 7, 8],
  q7: [1, 3, 5],
  q8: [1, 3, 5],
  q9: ticks("implemented", [1, 5, 9, 13], "planned", [9, 14, 16]),
  q10: [2, 6, 9],
  q11: rows(["no", "no", "partially", "partially", "yes"]),
};

// Worked example B of the reference (a regional authority, Large).
const exampleB: Answers = {
  q1: [1, 3, 4, 5, 6, 7, 8, 9, 10],
  q2: ticks("invested", range(1, 8), "planned", range(1, 4)),
  q3: range(1, 9),
  q4: rows([4, 2, 5, 1, 5, 3, 3, 4]),
  q5: [1, 2, 3, 4, 6, 7],
  q6: [1, 2, 3, 4, 5, 7, 8, 10],
  q7: [1, 2, 3, 4, 5, 6, 8], // item 2 ("no paper-based forms") counts as positive
  q8: range(1, 6),
  q9: ticks("implemented", range(1, 12), "planned", range(10, 16)),
  q10: [1, 2, 3, 4, 6, 9],
  q11: rows(["yes", "partially", "yes", "partially", "yes"]),
};

const lowest: Answers = {
  q1: [],
  q2: {},
  q3: [],
  q4: rows([0, 0, 0, 0, 0, 0, 0, 0]),
  q5: [],
  q6: [],
  q7: [],
  q8: [],
  q9: {},
  q10: [],
  q11: rows(["no", "no", "no", "no", "no"]),
};

const highest: Answers = {
  q1: range(1, 10),
  q2: ticks("invested", range(1, 8), "planned", range(1, 8)),
  q3: range(1, 9),
  q4: rows([5, 5, 5, 5, 5, 5, 5, 5]),
  q5: range(1, 7),
  q6: range(1, 10),
  q7: range(1, 9),
  q8: range(1, 6),
  q9: ticks("implemented", range(1, 16), "planned", range(1, 16)),
  q10: range(1, 9),
  q11: rows(["yes", "yes", "yes", "yes", "yes"]),
};

// The band edges, each reached by a response whose overall floating point misses, in the
// direction that would move it up a band. Worked by hand:
//   strategy (2/10 + 11/16) / 2 = 44.375; readiness (7/9 + 22/40) / 2 = 1195/18;
//   human 0; data (0 + 3/6) / 2 = 25; interoperability 1/32 = 3.125; green (2/9 + 0) / 2 =
//   100/9; overall 150 / 6 = 25 exactly (25.000000000000004 in floating point): basic.
const exactly25: Answers = {
  q1: [1, 2],
  q2: ticks("invested", range(1, 8), "planned", range(1, 3)),
  q3: range(1, 7),
  q4: rows([5, 5, 5, 5, 2, 0, 0, 0]),
  q5: [],
  q6: [],
  q7: [],
  q8: [1, 2, 3],
  q9: ticks("implemented", [1], "planned", []),
  q10: [1, 2],
  q11: rows(["no", "no", "no", "no", "no"]),
};

//   strategy (4/10 + 0) / 2 = 20; readiness (3/9 + 9/40) / 2 = 335/12; human (7/7 + 7/10) / 2
//   = 85; data (6/9 + 1/6) / 2 = 125/3; interoperability 30/32 = 93.75; green (3/9 + 1.5/5)
//   / 2 = 95/3; overall 300 / 6 = 50 exactly (50.00000000000001): average.
const exactly50: Answers = {
  q1: [1, 2, 3, 4],
  q2: {},
  q3: [1, 2, 3],
  q4: rows([5, 4, 0, 0, 0, 0, 0, 0]),
  q5: range(1, 7),
  q6: range(1, 7),
  q7: range(1, 6),
  q8: [1],
  q9: ticks("implemented", range(1, 16), "planned", range(1, 14)),
  q10: [1, 2, 3],
  q11: rows(["yes", "partially", "no", "no", "no"]),
};

//   strategy (6/10 + 10/16) / 2 = 61.25; readiness (8/9 + 19/40) / 2 = 2455/36; human 100;
//   data (3/9 + 3/6) / 2 = 125/3; interoperability 100; green (7/9 + 4/5) / 2 = 710/9;
//   overall 450 / 6 = 75 exactly (75.00000000000001): moderately advanced.
const exactly75: Answers = {
  q1: range(1, 6),
  q2: ticks("invested", range(1, 8), "planned", [1, 2]),
  q3: range(1, 8),
  q4: rows([5, 5, 5, 4, 0, 0, 0, 0]),
  q5: range(1, 7),
  q6: range(1, 10),
  q7: [1, 2, 3],
  q8: [1, 2, 3],
  q9: highest.q9,
  q10: range(1, 7),
  q11: rows(["yes", "yes", "yes", "yes", "no"]),
};

// Strategy (9/10 + 4/16) / 2 = 57.5, which floating point holds as 57.49999999999999: shown
// as 58 (half up), not 57. Readiness (0 + 34/40) / 2 = 42.5, shown as 43; the rest 50.
const halves: Answers = {
  q1: range(1, 9),
  q2: ticks("invested", [1, 2], "planned", [3, 4]),
  q3: [],
  q4: rows([5, 5, 5, 5, 5, 5, 4, 0]),
  q5: range(1, 7),
  q6: [],
  q7: [],
  q8: range(1, 6),
  q9: ticks("implemented", range(1, 16), "planned", []),
  q10: [],
  q11: rows(["yes", "yes", "yes", "yes", "yes"]),
};

const ids = ["strategy", "readiness", "human", "data", "interoperability", "green"];

describe("scoreAnswers on DMA PSO 1.0.0", () => {
  test.each<[string, Answers, number[], number, string, number[], number]>([
    // [name, answers, dimensions, overall, band, dimensions shown, overall shown]
    [
      "the reference's worked example A",
      exampleA,
      [35.625, 565 / 12, 240 / 7, 125 / 3, 21.875, 110 / 3],
      18245 / 504,
      "average",
      [36, 47, 34, 42, 22, 37],
      36,
    ],
    [
      "the reference's worked example B",
      exampleB,
      [82.5, 83.75, 580 / 7, 800 / 9, 59.375, 220 / 3],
      237235 / 3024,
      "advanced",
      [83, 84, 83, 89, 59, 73],
      78,
    ],
    ["the lowest answers", lowest, [0, 0, 0, 0, 0, 0], 0, "basic", [0, 0, 0, 0, 0, 0], 0],
    [
      "the highest answers",
      highest,
      [100, 100, 100, 100, 100, 100],
      100,
      "advanced",
      [100, 100, 100, 100, 100, 100],
      100,
    ],
    [
      "a response at exactly 25",
      exactly25,
      [44.375, 1195 / 18, 0, 25, 3.125, 100 / 9],
      25,
      "basic",
      [44, 66, 0, 25, 3, 11],
      25,
    ],
    [
      "a response at exactly 50",
      exactly50,
      [20, 335 / 12, 85, 125 / 3, 93.75, 95 / 3],
      50,
      "average",
      [20, 28, 85, 42, 94, 32],
      50,
    ],
    [
      "a response at exactly 75",
      exactly75,
      [61.25, 2455 / 36, 100, 125 / 3, 100, 710 / 9],
      75,
      "moderately_advanced",
      [61, 68, 100, 42, 100, 79],
      75,
    ],
    [
      "a strategy score of exactly 57.5 that floating point misses",
      halves,
      [57.5, 42.5, 50, 50, 50, 50],
      50,
      "average",
      [58, 43, 50, 50, 50, 50],
      50,
    ],
  ])("%s", (_, answers, dimensions, overall, band, shown, overallShown) => {
    const result = score(pso, answers);
    expect(Object.keys(result.dimensions)).toEqual(ids);
    ids.forEach((id, i) => {
      expect(result.dimensions[id], id).toBeCloseTo(dimensions[i], 10);
      expect(displayScore(result.dimensions[id]), `${id} shown`).toBe(shown[i]);
    });
    expect(result.overall).toBeCloseTo(overall, 10);
    expect(result.band).toBe(band);
    expect(displayScore(result.overall)).toBe(overallShown);
  });

  test.each<[string, Answers, Record<string, number>]>([
    [
      "A",
      exampleA,
      {
        q1: 0.4,
        q2: 5 / 16,
        q3: 2 / 3,
        q4: 0.275,
        q5: 2 / 7,
        q6: 0.4,
        q7: 1 / 3,
        q8: 0.5,
        q9: 7 / 32,
        q10: 1 / 3,
        q11: 0.4,
      },
    ],
    [
      "B",
      exampleB,
      {
        q1: 0.9,
        q2: 0.75,
        q3: 1,
        q4: 0.675,
        q5: 6 / 7,
        q6: 0.8,
        q7: 7 / 9,
        q8: 1,
        q9: 19 / 32,
        q10: 2 / 3,
        q11: 0.8,
      },
    ],
  ])("the question scores of example %s", (_, answers, questions) => {
    const result = score(pso, answers).questions;
    expect(Object.keys(result)).toEqual(Object.keys(questions));
    for (const [name, value] of Object.entries(questions)) {
      expect(result[name], name).toBeCloseTo(value, 12);
    }
  });

  test("q7 item 2 (no paper-based forms) is an ordinary item, not an exclusive one", () => {
    expect(score(pso, { ...exampleA, q7: [2] }).questions.q7).toBeCloseTo(1 / 9, 12);
    expect(score(pso, { ...exampleA, q7: [1, 2, 3] }).questions.q7).toBeCloseTo(3 / 9, 12);
  });

  test("a tick grid row counts both columns, and an explicit false counts as unticked", () => {
    const q9 = { "1": { implemented: true, planned: false }, "2": { planned: true } };
    expect(score(pso, { ...exampleA, q9 }).questions.q9).toBeCloseTo(1 / 32 + 1 / 32, 12);
    expect(score(pso, { ...exampleA, q9: {} }).questions.q9).toBe(0);
  });

  test("the optional comment does not change the score", () => {
    expect(score(pso, { ...exampleB, challenge: "Att dela data med grannkommunerna" })).toEqual(
      score(pso, exampleB),
    );
  });
});

// ---------------------------------------------------------------------------------------
// An implementation of the reference's prose, in exact fractions as the reference asks
// ("use exact fractions"), sharing nothing with the engine.

/** A non-negative rational n/d in lowest terms. */
interface Fraction {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

function fraction(n: number | bigint, d: number | bigint = 1): Fraction {
  const [bn, bd] = [BigInt(n), BigInt(d)];
  const g = gcd(bn, bd) || 1n;
  return { n: bn / g, d: bd / g };
}

const plus = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
const times = (a: Fraction, k: number) => fraction(a.n * BigInt(k), a.d);
const over = (a: Fraction, k: number) => fraction(a.n, a.d * BigInt(k));
const meanOf = (xs: Fraction[]) => over(xs.reduce(plus, fraction(0)), xs.length);
/** a <= b */
const atMost = (a: Fraction, b: number) => a.n <= BigInt(b) * a.d;
/** Rounded to a whole number, half up (82.5 → 83). */
const halfUp = (a: Fraction) => Number((2n * a.n + a.d) / (2n * a.d));
const toNumber = (a: Fraction) => Number(a.n) / Number(a.d);

/** The reference's "Our scoring model", question by question. */
function referenceScore(a: Answers): {
  dimensions: Record<string, Fraction>;
  overall: Fraction;
  band: string;
} {
  // Checkbox lists: ticked ÷ items.
  const ticked = (name: string, items: number) => fraction((a[name] as number[]).length, items);
  // Tick grids: per row 0.5 × one column + 0.5 × the other; the mean of the rows. A row
  // not in the answer has nothing ticked.
  const tickGrid = (name: string, n: number, first: string, second: string) => {
    const grid = a[name] as Record<string, Record<string, boolean> | undefined>;
    return meanOf(
      range(1, n).map((row) => {
        const cells = grid[String(row)] ?? {};
        return over(fraction((cells[first] ? 1 : 0) + (cells[second] ? 1 : 0)), 2);
      }),
    );
  };
  // q4: the mean of the 8 values ÷ 5.
  const q4 = over(meanOf(Object.values(a.q4 as Record<string, number>).map((v) => fraction(v))), 5);
  // q11: No 0, Partially 0.5, Yes 1; the mean of the 5 rows.
  const q11 = meanOf(
    Object.values(a.q11 as Record<string, string>).map((v) =>
      v === "yes" ? fraction(1) : v === "partially" ? fraction(1, 2) : fraction(0),
    ),
  );
  const dimension = (...questions: Fraction[]) => times(meanOf(questions), 100);
  const dimensions = {
    strategy: dimension(ticked("q1", 10), tickGrid("q2", 8, "invested", "planned")),
    readiness: dimension(ticked("q3", 9), q4),
    human: dimension(ticked("q5", 7), ticked("q6", 10)),
    data: dimension(ticked("q7", 9), ticked("q8", 6)),
    interoperability: dimension(tickGrid("q9", 16, "implemented", "planned")),
    green: dimension(ticked("q10", 9), q11),
  };
  const overall = meanOf(Object.values(dimensions));
  const band = atMost(overall, 25)
    ? "basic"
    : atMost(overall, 50)
      ? "average"
      : atMost(overall, 75)
        ? "moderately_advanced"
        : "advanced";
  return { dimensions, overall, band };
}

test("the reference implementation reproduces the worked examples exactly", () => {
  const a = referenceScore(exampleA);
  expect(a.overall).toEqual(fraction(18245, 504));
  expect(a.dimensions.readiness).toEqual(fraction(565, 12));
  expect(a.band).toBe("average");
  const b = referenceScore(exampleB);
  expect(b.overall).toEqual(fraction(237235, 3024));
  expect(b.dimensions.strategy).toEqual(fraction(165, 2));
  expect(halfUp(b.dimensions.strategy)).toBe(83);
  expect(b.band).toBe("advanced");
});

describe("the engine agrees with the reference's prose on random PSO responses", () => {
  const random = createRandom(2025);
  const samples = Array.from({ length: 300 }, (_, i) => [i, randomAnswers(pso, random)] as const);

  test("the samples cover every band", () => {
    const bands = new Set(samples.map(([, answers]) => referenceScore(answers).band));
    expect([...bands].sort()).toEqual(["advanced", "average", "basic", "moderately_advanced"]);
  });

  test.each(samples)("on random response %i", (_, answers) => {
    const expected = referenceScore(answers);
    const actual = score(pso, answers);
    expect(Object.keys(actual.dimensions)).toEqual(Object.keys(expected.dimensions));
    for (const [id, value] of Object.entries(expected.dimensions)) {
      expect(actual.dimensions[id], id).toBeCloseTo(toNumber(value), 9);
      expect(displayScore(actual.dimensions[id]), `${id} shown`).toBe(halfUp(value));
    }
    expect(actual.overall).toBeCloseTo(toNumber(expected.overall), 9);
    expect(displayScore(actual.overall)).toBe(halfUp(expected.overall));
    expect(actual.band).toBe(expected.band);
  });
});
