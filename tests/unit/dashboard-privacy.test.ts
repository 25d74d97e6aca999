import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  buildDashboard,
  DASHBOARD_TABLES,
  type Cell,
  type DashboardCell,
  type PanelTable,
} from "../../app/lib/core/dashboard";
import { OVERALL_METRIC, PRIVACY_FLOOR } from "../../app/lib/core/benchmark";

/*
 * The privacy floor over random populations and random filters: no visible count covers
 * 1..4 companies, no statistic of fewer than 5 is shown, and no suppressed count can be
 * worked out from a table's published sums. The oracle enumerates, by dynamic programming
 * over the reachable sums, every value a suppressed cell could take; it shares no code
 * with the suppression.
 */

const REGIONS = ["skane", "blekinge", "kronoberg"];
const SECTORS = ["manufacturing", "ict", "construction", "retail"];
const SIZES = ["micro", "small", "medium"];
const DIMENSIONS = ["strategy", "readiness"];
const BANDS = ["basic", "average", "moderately-advanced", "advanced"];
const CATEGORIES = ["test-before-invest", "training", "investment", "networking"];
const SERVICES = new Map([
  ["ai-test", "test-before-invest"],
  ["cyber-course", "training"],
  ["funding", "investment"],
]);

const company = fc.record({
  region: fc.constantFrom(...REGIONS),
  sector: fc.constantFrom(...SECTORS),
  size: fc.constantFrom(...SIZES),
  month: fc.constantFrom("2026-01", "2026-02", "2026-03"),
  /** How far it got: 0 started, 1 T0 submitted, 2 T1 submitted, 3 T2 submitted. */
  reached: fc.integer({ min: 0, max: 3 }),
  scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
  changes: fc.array(fc.integer({ min: -20, max: 30 }), { minLength: 3, maxLength: 3 }),
  services: fc.subarray([...SERVICES.keys()]),
  /** Services the hub delivered to it, and whether between its T0 and its T1. */
  delivered: fc.subarray([...SERVICES.keys()]),
  deliveredBetween: fc.boolean(),
});
type Company = typeof company extends fc.Arbitrary<infer T> ? T : never;

const filter = fc.record({
  region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
  sector: fc.option(fc.constantFrom(...SECTORS), { nil: undefined }),
  size: fc.option(fc.constantFrom(...SIZES), { nil: undefined }),
});

const cell = (c: Partial<DashboardCell> & { measure: string }): DashboardCell => ({
  stage: "",
  metric: "",
  item: "",
  group: "",
  count: 1,
  total: 0,
  ...c,
});

/** The rollup cells of a population, written from the rollups' definition. */
function cellsOf(companies: readonly Company[]) {
  const activity: DashboardCell[] = [];
  const standing: DashboardCell[] = [];
  const demand: DashboardCell[] = [];
  const effect: DashboardCell[] = [];
  const completeness: DashboardCell[] = [];
  const breakdowns = {
    region: [] as DashboardCell[],
    sector: [] as DashboardCell[],
    size_class: [] as DashboardCell[],
  };
  const metrics = [...DIMENSIONS, OVERALL_METRIC];
  for (const c of companies) {
    activity.push(cell({ measure: "started", stage: "T0", group: c.month }));
    completeness.push(cell({ measure: "status", item: ["none", "T0", "T1", "T2"][c.reached] }));
    if (c.reached === 0) continue;
    for (let s = 0; s < c.reached; s++) {
      activity.push(cell({ measure: "submitted", stage: `T${s}`, group: c.month }));
    }
    metrics.forEach((metric, i) => {
      standing.push(cell({ measure: "score", stage: "T0", metric, item: String(c.scores[i]) }));
    });
    standing.push(
      cell({ measure: "band", item: BANDS[Math.min(3, Math.floor(c.scores[2] / 25))] }),
    );
    const overall = { measure: "score", metric: OVERALL_METRIC, item: String(c.scores[2]) };
    breakdowns.region.push(cell({ ...overall, group: c.region }));
    breakdowns.sector.push(cell({ ...overall, group: c.sector }));
    breakdowns.size_class.push(cell({ ...overall, group: c.size }));
    for (const service of c.services) {
      demand.push(cell({ measure: "recommended", metric: SERVICES.get(service)!, item: service }));
    }
    // Once per category, as the rollups count the companies recommended a category.
    for (const category of new Set(c.services.map((service) => SERVICES.get(service)!))) {
      demand.push(cell({ measure: "recommended", metric: category }));
    }
    const received = new Set(c.delivered.map((service) => SERVICES.get(service)!));
    for (const service of c.delivered) {
      demand.push(cell({ measure: "delivered", metric: SERVICES.get(service)!, item: service }));
    }
    for (const category of received) demand.push(cell({ measure: "delivered", metric: category }));
    if (c.reached < 2) continue;
    metrics.forEach((metric, i) => {
      effect.push(
        cell({ measure: "change", metric, item: String(c.changes[i]), total: c.changes[i] }),
      );
      if (c.changes[i] > 0) effect.push(cell({ measure: "improved", metric }));
    });
    for (const category of CATEGORIES) {
      const yes = c.deliveredBetween && received.has(category);
      effect.push(
        cell({
          measure: "received",
          metric: category,
          item: yes ? "yes" : "no",
          total: c.changes[2],
        }),
      );
    }
  }
  return { activity, standing, demand, effect, completeness, breakdowns };
}

/** Every value each suppressed part of a sum can take, given the visible cells and total. */
function possibleValues(parts: Cell[], visibleSum: number, total: number): Set<number>[] {
  const hidden = total - visibleSum;
  const ranges = parts.map((c) =>
    c.kind === "small"
      ? [1, 2, 3, 4].filter((v) => v < PRIVACY_FLOOR)
      : Array.from({ length: hidden + 1 }, (_, v) => v),
  );
  return ranges.map((range, i) => {
    // Sums the other suppressed cells can reach together.
    let reachable = new Set([0]);
    ranges.forEach((other, j) => {
      if (j === i) return;
      const next = new Set<number>();
      for (const s of reachable) for (const v of other) if (s + v <= hidden) next.add(s + v);
      reachable = next;
    });
    return new Set(range.filter((v) => reachable.has(hidden - v)));
  });
}

function checkTable(table: PanelTable) {
  table.rows.forEach((row) =>
    row.cells.forEach((c, i) => {
      if (table.columns[i].kind === "count" && c.kind === "value") {
        expect(c.value === 0 || c.value >= PRIVACY_FLOOR, `${table.id} ${row.id}`).toBe(true);
      }
    }),
  );
  for (const sum of table.sums) {
    const total = table.rows[sum.total[0]].cells[sum.total[1]];
    if (total.kind !== "value") continue;
    const parts = sum.parts.map(([r, c]) => table.rows[r].cells[c]);
    const suppressed = parts.filter((c) => c.kind === "small" || c.kind === "hidden");
    const visibleSum = parts.reduce((a, c) => (c.kind === "value" ? a + c.value : a), 0);
    possibleValues(suppressed, visibleSum, total.value).forEach((values, i) => {
      if (suppressed[i].kind === "small") {
        expect(values.size, `${table.id}: a small cell is recoverable`).toBeGreaterThan(1);
      }
    });
  }
}

describe("the dashboard's privacy floor", () => {
  test("holds for random populations and filters", () => {
    fc.assert(
      fc.property(fc.array(company, { maxLength: 80, size: "max" }), filter, (population, f) => {
        const kept = population.filter(
          (c) =>
            (!f.region || c.region === f.region) &&
            (!f.sector || c.sector === f.sector) &&
            (!f.size || c.size === f.size),
        );
        const dashboard = buildDashboard({
          dimensions: DIMENSIONS,
          bands: BANDS,
          services: SERVICES,
          categories: CATEGORIES,
          histogramMetric: OVERALL_METRIC,
          ...cellsOf(kept),
        });
        for (const id of DASHBOARD_TABLES) checkTable(dashboard[id]);
        // Statistics of fewer than five companies are never shown.
        for (const row of dashboard.standing.rows) {
          const n = row.cells[0];
          if (n.kind !== "value" || n.value < PRIVACY_FLOOR) {
            expect(row.cells.slice(1).every((c) => c.kind !== "value")).toBe(true);
          }
        }
        // Nor a mean change of fewer than five that did or did not receive a category.
        const pairs = kept.filter((c) => c.reached >= 2);
        for (const row of dashboard.effectByCategory.rows) {
          const yes = pairs.filter(
            (c) => c.deliveredBetween && c.delivered.some((s) => SERVICES.get(s) === row.id),
          ).length;
          const no = pairs.length - yes;
          if (yes < PRIVACY_FLOOR) expect(row.cells[2].kind).not.toBe("value");
          if (no < PRIVACY_FLOOR) expect(row.cells[4].kind).not.toBe("value");
          if (yes < PRIVACY_FLOOR || no < PRIVACY_FLOOR) {
            expect(row.cells[5].kind).not.toBe("value");
          }
        }
      }),
      { numRuns: 400, seed: 19 },
    );
  }, 60_000);

  test.each([
    ["one small cell beside a large one", [3, 40], ["small", "hidden"]],
    ["two small cells both of one", [1, 1, 30], ["small", "small", "hidden"]],
    [
      "a small cell among zeros and a large one",
      [0, 2, 0, 9],
      ["value", "small", "value", "hidden"],
    ],
    ["no small cell", [0, 5, 7], ["value", "value", "value"]],
  ])("%s", (_, counts, kinds) => {
    const dashboard = buildDashboard({
      dimensions: [],
      bands: counts.map((_, i) => `band${i}`),
      services: new Map(),
      categories: [],
      histogramMetric: OVERALL_METRIC,
      activity: [],
      standing: counts.flatMap((n, i) =>
        Array.from({ length: n }, () => cell({ measure: "band", item: `band${i}` })),
      ),
      breakdowns: { region: [], sector: [], size_class: [] },
      demand: [],
      effect: [],
      completeness: [],
    });
    const shown = dashboard.bands.rows.filter((r) => r.id !== "total");
    const kept = counts
      .map((n, i) => [n, i])
      .filter(([n]) => n > 0)
      .map(([, i]) => i);
    expect(shown.map((r) => r.cells[0].kind)).toEqual(kept.map((i) => kinds[i]));
  });
});
