import { describe, expect, test } from "vitest";
import {
  bucketOf,
  COARSE_BELOW,
  COARSE_STEP,
  coarsen,
  comparePeers,
  contributionOf,
  describe as describeHistogram,
  OVERALL_METRIC,
  PEER_GROUP_KINDS,
  PEER_GROUPS,
  peerGroupsOf,
  positionOf,
  PRIVACY_FLOOR,
  scoreKey,
  STRENGTH_MARGIN,
  type Histogram,
  type PeerGroupInput,
  type PeerGroupKind,
} from "../../app/lib/core/benchmark";
import { createRandom } from "../helpers/random-answers";

/** A histogram of exact scores. */
function histogram(scores: readonly number[]): Histogram {
  const map = new Map<number, number>();
  for (const score of scores) map.set(bucketOf(score), (map.get(bucketOf(score)) ?? 0) + 1);
  return map;
}

/** The exact scores of the values in the bucket of `score`. */
function exactInBucket(values: readonly number[], score: number): Map<number, number> {
  const map = new Map<number, number>();
  for (const value of values) {
    if (bucketOf(value) !== bucketOf(score)) continue;
    map.set(scoreKey(value), (map.get(scoreKey(value)) ?? 0) + 1);
  }
  return map;
}

/** percentile_cont over sorted values, as PostgreSQL computes it. */
function exactQuantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo === h ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** Share below, ties counted half. */
function exactPercentile(values: readonly number[], score: number): number {
  const below = values.filter((v) => v < score - 1e-9).length;
  const same = values.filter((v) => Math.abs(v - score) <= 1e-9).length;
  return ((below + same / 2) / values.length) * 100;
}

function group(kind: PeerGroupKind, scores: readonly number[], value = kind): PeerGroupInput {
  return {
    kind,
    value: kind === "all" ? "" : value,
    histograms: new Map([
      [OVERALL_METRIC, histogram(scores)],
      ["data", histogram(scores)],
    ]),
  };
}

describe("histogram statistics", () => {
  test.each([
    { scores: [10, 20, 30, 40], median: 25, q1: 17.5, q3: 32.5 },
    { scores: [50], median: 50, q1: 50, q3: 50 },
    { scores: [0, 100, 100], median: 100, q1: 50, q3: 100 },
    { scores: [12.5, 12.5, 37.5, 62.5, 87.5], median: 37.5, q1: 12.5, q3: 62.5 },
  ])("$scores → median $median, quartiles $q1–$q3", ({ scores, median, q1, q3 }) => {
    const stats = describeHistogram(histogram(scores));
    expect(stats).toEqual({ median, q1, q3 });
  });

  test.each([
    { scores: [10, 20, 30, 40], score: 25, percentile: 50 },
    { scores: [10, 20, 30, 40], score: 20, percentile: 37.5 },
    { scores: [10, 20, 30, 40], score: 5, percentile: 0 },
    { scores: [10, 20, 30, 40], score: 45, percentile: 100 },
    { scores: [50, 50, 50, 50], score: 50, percentile: 50 },
  ])("a score of $score is above $percentile % of $scores", ({ scores, score, percentile }) => {
    expect(describeHistogram(histogram(scores), score).percentile).toBe(percentile);
  });

  test("buckets are tenths of a point, rounding half up as the SQL rebuild does", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(100)).toBe(1000);
    expect(bucketOf(33.333333)).toBe(333);
    expect(bucketOf(2.25)).toBe(23); // floor(22.5 + 0.5), not banker's rounding
    expect(bucketOf(-1)).toBe(0);
    expect(bucketOf(101)).toBe(1000);
  });

  test("without the exact scores, the score's own bucket counts as ties", () => {
    const values = [10, 10.01, 10.02, 10.03, 50];
    expect(describeHistogram(histogram(values), 10.02).percentile).toBe(40);
    expect(
      describeHistogram(histogram(values), 10.02, exactInBucket(values, 10.02)).percentile,
    ).toBe(50);
  });

  test("statistics of random populations are within 0.5 points of the exact values", () => {
    const random = createRandom(7);
    for (let run = 0; run < 200; run++) {
      const size = 1 + Math.floor(random() * 400);
      // Realistic scores are fractions with small denominators; mix in continuous ones.
      const denominator = [3, 6, 7, 8, 10, 12, 35][run % 7];
      const values = Array.from({ length: size }, () =>
        run % 2 === 0
          ? (Math.floor(random() * (denominator + 1)) / denominator) * 100
          : random() * random() * 100,
      );
      const score = values[Math.floor(random() * size)];
      const stats = describeHistogram(histogram(values), score, exactInBucket(values, score));
      expect(Math.abs(stats.median - exactQuantile(values, 0.5))).toBeLessThanOrEqual(0.5);
      expect(Math.abs(stats.q1 - exactQuantile(values, 0.25))).toBeLessThanOrEqual(0.5);
      expect(Math.abs(stats.q3 - exactQuantile(values, 0.75))).toBeLessThanOrEqual(0.5);
      expect(Math.abs((stats.percentile ?? -1) - exactPercentile(values, score))).toBeLessThan(0.5);
    }
  });
});

describe("the privacy floor and the fallback", () => {
  const five = [20, 30, 40, 50, 60];
  const four = five.slice(0, 4);

  test("a group with the floor's number of other companies is shown; one fewer is not", () => {
    const shown = comparePeers({ groups: [group("sector", five)], scores: { data: 45 } });
    expect(shown.chosen).toMatchObject({ kind: "sector", companies: PRIVACY_FLOOR });
    const hidden = comparePeers({ groups: [group("sector", four)], scores: { data: 45 } });
    expect(hidden.chosen).toBeUndefined();
    expect(hidden.groups[0]).toEqual({ kind: "sector", value: "sector", shown: false });
  });

  test("the company itself is taken out before the floor is applied", () => {
    const result = comparePeers({
      groups: [group("sector", [...four, 45])],
      scores: { data: 45, [OVERALL_METRIC]: 45 },
      own: { groups: new Set(["sector"]), scores: { data: 45, [OVERALL_METRIC]: 45 } },
    });
    expect(result.chosen).toBeUndefined();
  });

  test("falls back from sector to size class to region to everyone", () => {
    const result = comparePeers({
      groups: [
        group("sector", four),
        group("size_class", four),
        group("region", five),
        group("all", [...five, ...five]),
      ],
      scores: { data: 45 },
    });
    expect(result.chosen?.kind).toBe("region");
    expect(result.groups.map((g) => g.shown)).toEqual([false, false, true, true]);
  });

  test("names a dimension a strength only when clearly above the median", () => {
    const peers = [group("all", [40, 45, 50, 55, 60])];
    expect(
      comparePeers({ groups: peers, scores: { data: 50 + STRENGTH_MARGIN } }).strengths,
    ).toEqual(["data"]);
    expect(
      comparePeers({ groups: peers, scores: { data: 50 + STRENGTH_MARGIN - 0.5 } }).strengths,
    ).toEqual([]);
  });

  test("a public sector organisation falls back from its type to its area, size, county and all PSOs", () => {
    const result = comparePeers({
      groups: [
        group("organisation_type", four),
        group("government_area", four),
        group("size_class", four),
        group("region", five),
        group("all", [...five, ...five]),
      ],
      scores: { data: 45 },
    });
    expect(result.chosen?.kind).toBe("region");
    expect(result.groups.map((g) => g.kind)).toEqual(PEER_GROUPS.pso);
    expect(result.groups.map((g) => g.shown)).toEqual([false, false, false, true, true]);
  });

  test("property: no group with fewer than the floor of other organisations is ever shown, for SMEs and PSOs", () => {
    const random = createRandom(11);
    const types = ["sme", "pso"] as const;
    for (let run = 0; run < 2_000; run++) {
      // A random population of both customer types with random profiles; the viewer is one
      // of them or not. Each type answers its own questionnaire, so its histograms hold
      // only its own type: the population offered to a viewer is filtered by type first.
      const draw = () => ({
        type: types[Math.floor(random() * 2)],
        sector: Math.floor(random() * 4),
        organisationType: Math.floor(random() * 4),
        area: Math.floor(random() * 3),
        size: Math.floor(random() * 3),
        region: Math.floor(random() * 3),
      });
      const population = Array.from({ length: Math.floor(random() * 60) }, () => ({
        ...draw(),
        score: Math.floor(random() * 1001) / 10,
      }));
      const viewer = draw();
      const member = population.length > 0 && random() < 0.5 ? population[0] : undefined;
      if (member) Object.assign(member, viewer);
      type Member = (typeof population)[number];
      const match = {
        sector: (p: Member) => p.sector === viewer.sector,
        organisation_type: (p: Member) => p.organisationType === viewer.organisationType,
        government_area: (p: Member) => p.area === viewer.area,
        size_class: (p: Member) => p.size === viewer.size,
        region: (p: Member) => p.region === viewer.region,
        all: () => true,
      } satisfies Record<PeerGroupKind, unknown>;
      const sameType = population.filter((p) => p.type === viewer.type);
      const kinds = PEER_GROUPS[viewer.type];
      const groups = kinds.map((kind) =>
        group(
          kind,
          sameType.filter(match[kind]).map((p) => p.score),
        ),
      );
      const result = comparePeers({
        groups,
        scores: { data: 50, [OVERALL_METRIC]: 50 },
        own: member && {
          groups: new Set(kinds),
          scores: { data: member.score, [OVERALL_METRIC]: member.score },
        },
      });
      expect(result.groups.map((g) => g.kind)).toEqual(kinds);
      for (const g of result.groups) {
        const others = population.filter(
          (p) => p !== member && p.type === viewer.type && match[g.kind](p),
        ).length;
        expect(g.shown).toBe(others >= PRIVACY_FLOOR);
        if (g.shown) expect(g.companies).toBe(others);
        else expect(Object.keys(g).sort()).toEqual(["kind", "shown", "value"]);
      }
      const firstShown = result.groups.find((g) => g.shown);
      expect(result.chosen?.kind).toBe(firstShown?.kind);
    }
  });
});

describe("contributionOf", () => {
  test("puts a company in its sector, size class, region and everyone, with its overall score", () => {
    const profile = {
      customer_type: "sme" as const,
      primary_sector: "manufacturing",
      organisation_type: null,
      primary_area: null,
      size_class: "small",
      region: "skane",
    };
    expect(
      contributionOf(profile, { dimensions: { data: 40, green: 62.5 }, overall: 51.25 }),
    ).toEqual({
      groups: [
        { kind: "sector", value: "manufacturing" },
        { kind: "size_class", value: "small" },
        { kind: "region", value: "skane" },
        { kind: "all", value: "" },
      ],
      scores: { data: 40, green: 62.5, overall: 51.25 },
    });
  });
});

describe("peer groups of a profile", () => {
  const profile = {
    primary_sector: null,
    organisation_type: null,
    primary_area: null,
    size_class: "small",
    region: "kronoberg",
  };
  test.each([
    [
      "a company: sector, size class, county, all companies",
      { ...profile, customer_type: "sme" as const, primary_sector: "manufacturing" },
      [
        { kind: "sector", value: "manufacturing" },
        { kind: "size_class", value: "small" },
        { kind: "region", value: "kronoberg" },
        { kind: "all", value: "" },
      ],
    ],
    [
      "a PSO: organisation type, government area, size class, county, all PSOs",
      {
        ...profile,
        customer_type: "pso" as const,
        organisation_type: "municipal",
        primary_area: "general-public-services",
      },
      [
        { kind: "organisation_type", value: "municipal" },
        { kind: "government_area", value: "general-public-services" },
        { kind: "size_class", value: "small" },
        { kind: "region", value: "kronoberg" },
        { kind: "all", value: "" },
      ],
    ],
  ])("%s", (_, input, expected) => {
    expect(peerGroupsOf(input)).toEqual(expected);
  });

  test("every kind of group is some customer type's, and each type's list ends with everyone", () => {
    expect(new Set([...PEER_GROUPS.sme, ...PEER_GROUPS.pso])).toEqual(new Set(PEER_GROUP_KINDS));
    expect(PEER_GROUPS.sme.at(-1)).toBe("all");
    expect(PEER_GROUPS.pso.at(-1)).toBe("all");
  });
});

describe("small groups are coarsened", () => {
  test.each([
    [0, 0],
    [2.4, 0],
    [2.5, 5],
    [47.4, 45],
    [47.5, 50],
    [97.6, 100],
    [100, 100],
  ])("a statistic of %d is shown as %d", (value, shown) => {
    expect(coarsen(value)).toBe(shown);
  });

  test(`a group of ${COARSE_BELOW - 1} other companies is coarsened; one of ${COARSE_BELOW} is exact`, () => {
    const scores = Array.from({ length: COARSE_BELOW }, (_, i) => 11 + i * 3.3);
    const small = comparePeers({
      groups: [group("sector", scores.slice(1))],
      scores: { data: 30, [OVERALL_METRIC]: 90 },
    }).chosen;
    expect(small).toMatchObject({ coarse: true, companies: COARSE_BELOW - 1 });
    for (const stats of Object.values(small!.metrics)) {
      expect(stats.percentile).toBeUndefined();
      for (const value of [stats.median, stats.q1, stats.q3]) expect(value % COARSE_STEP).toBe(0);
    }
    // Median of 14.3, 17.6 … 73.7: 44 → 45.
    expect(small!.metrics.data).toEqual({ median: 45, q1: 30, q3: 60, position: "below" });
    expect(small!.metrics[OVERALL_METRIC].position).toBe("above");

    const large = comparePeers({
      groups: [group("sector", scores)],
      scores: { data: 30 },
    }).chosen;
    expect(large).toMatchObject({ coarse: false, companies: COARSE_BELOW });
    expect(large!.metrics.data.percentile).toBeCloseTo(exactPercentile(scores, 30), 6);
  });

  test.each([
    [47.6, 45, "above"],
    [47.5, 45, "around"],
    [42.5, 45, "around"],
    [42.4, 45, "below"],
  ])("a score of %d against a rounded median of %d is %s it", (score, median, position) => {
    expect(positionOf(score, median)).toBe(position);
  });

  test("property: what a viewer reads of a small group does not depend on the viewer's scores beyond above/around/below, and is within half a step of the exact statistic", () => {
    const random = createRandom(15);
    for (let run = 0; run < 500; run++) {
      const size = PRIVACY_FLOOR + Math.floor(random() * (COARSE_BELOW - PRIVACY_FLOOR));
      const values = Array.from({ length: size }, () => Math.floor(random() * 1001) / 10);
      const read = (score: number) =>
        comparePeers({ groups: [group("sector", values)], scores: { data: score } }).chosen!;
      const [low, high] = [read(0), read(100)];
      expect(low.coarse).toBe(true);
      const { position: lowPosition, ...lowStats } = low.metrics.data;
      const { position: highPosition, ...highStats } = high.metrics.data;
      // A probe at the minimum and one at the maximum read the same figures.
      expect(lowStats).toEqual(highStats);
      expect(lowStats.percentile).toBeUndefined();
      expect(lowPosition).toBe(lowStats.median > COARSE_STEP / 2 ? "below" : "around");
      expect(highPosition).toBe(lowStats.median < 100 - COARSE_STEP / 2 ? "above" : "around");
      // Histogram statistics are within 0.05 of exact; rounding adds at most half a step.
      const slack = COARSE_STEP / 2 + 0.05 + 1e-9;
      expect(Math.abs(lowStats.median - exactQuantile(values, 0.5))).toBeLessThanOrEqual(slack);
      expect(Math.abs(lowStats.q1 - exactQuantile(values, 0.25))).toBeLessThanOrEqual(slack);
      expect(Math.abs(lowStats.q3 - exactQuantile(values, 0.75))).toBeLessThanOrEqual(slack);
    }
  });
});
