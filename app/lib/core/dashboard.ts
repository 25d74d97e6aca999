/**
 * The hub lead's dashboard (pure): from summed rollup cells (db/queries/dashboard.ts) the
 * panels' tables, under the privacy floor with complementary suppression. What each
 * number means is in docs/dashboard.md; the suppression rule in docs/decisions/019.
 */
import { describe, OVERALL_METRIC, PRIVACY_FLOOR } from "./benchmark";

/** A table cell: a number, suppressed under the floor, hidden to protect one, or empty. */
export type Cell =
  | { kind: "value"; value: number }
  /** Covers 1..PRIVACY_FLOOR-1 companies: shown as "fewer than 5". */
  | { kind: "small" }
  /** Hidden so that a small cell cannot be worked out from a total (complementary). */
  | { kind: "hidden" }
  /** Nothing to say (no company, or no such statistic). */
  | { kind: "none" };

/** Column kinds: counts of companies (suppressed under the floor) or statistics of them. */
export type ColumnKind = "count" | "score" | "change" | "percent";

/** A published equation of a table: the cells at `parts` add up to the cell at `total`. */
export interface TableSum {
  parts: readonly (readonly [row: number, column: number])[];
  total: readonly [row: number, column: number];
}

/** One table of a panel, as shown, downloaded and charted. */
export interface PanelTable {
  id: string;
  /** Column ids (worded by the view) and kinds. */
  columns: readonly { id: string; kind: ColumnKind }[];
  /** Row ids: months, dimensions, regions, services…; "total" for a total row. */
  rows: { id: string; cells: Cell[] }[];
  /** The additive relations the table shows (each protected by the suppression). */
  sums: TableSum[];
}

const value = (v: number): Cell => ({ kind: "value", value: v });
const NONE: Cell = { kind: "none" };
const SMALL: Cell = { kind: "small" };

/** A count of companies as a cell before protection: zero is shown, 1..4 suppressed. */
export function countCell(n: number): Cell {
  return n > 0 && n < PRIVACY_FLOOR ? SMALL : value(n);
}

/**
 * The values a suppressed cell may take as seen by a reader of the table: a small cell
 * 1..PRIVACY_FLOOR-1, a hidden one any count from zero up.
 */
function bounds(cell: Cell): [number, number] {
  return cell.kind === "small" ? [1, PRIVACY_FLOOR - 1] : [0, Number.POSITIVE_INFINITY];
}

/**
 * Whether every small cell of one sum keeps at least two possible values when the visible
 * cells and the total are known: for each, the range left by the others' bounds.
 */
function sumIsSafe(cells: readonly Cell[], hiddenTotal: number): boolean {
  const suppressed = cells.filter((c) => c.kind === "small" || c.kind === "hidden");
  return suppressed.every((cell, i) => {
    if (cell.kind !== "small") return true;
    let low = 0;
    let high = 0;
    suppressed.forEach((other, j) => {
      if (j === i) return;
      const [lo, hi] = bounds(other);
      low += lo;
      high += hi;
    });
    const from = Math.max(1, hiddenTotal - high);
    const to = Math.min(PRIVACY_FLOOR - 1, hiddenTotal - low);
    return to > from;
  });
}

/**
 * Protects a table: every published sum whose total is visible must not give away a
 * small cell. While a sum does, the smallest visible non-zero part of it is hidden (then
 * the smallest zero); when nothing is left to hide, its total is hidden. Repeats until
 * every sum is safe (a cell hidden for one sum may take part in another). `values` are the
 * true counts behind the table's cells.
 */
export function protectTable(table: PanelTable, values: readonly (readonly number[])[]): void {
  const cellAt = ([r, c]: readonly [number, number]) => table.rows[r].cells[c];
  const set = ([r, c]: readonly [number, number], cell: Cell) => {
    table.rows[r].cells[c] = cell;
  };
  const suppressed = (cell: Cell) => cell.kind === "small" || cell.kind === "hidden";
  for (let round = 0; round < 1000; round++) {
    let changed = false;
    for (const sum of table.sums) {
      const total = cellAt(sum.total);
      if (total.kind !== "value") continue;
      const parts = sum.parts.map(cellAt);
      const visible = sum.parts
        .map((at, i) => ({ at, i, v: values[at[0]][at[1]] }))
        .filter(({ i }) => parts[i].kind === "value");
      const hiddenTotal = total.value - visible.reduce((a, p) => a + p.v, 0);
      if (!parts.some(suppressed) || sumIsSafe(parts, hiddenTotal)) continue;
      const candidates = visible.sort(
        (a, b) => (a.v === 0 ? 1 : 0) - (b.v === 0 ? 1 : 0) || a.v - b.v,
      );
      if (candidates.length > 0) set(candidates[0].at, { kind: "hidden" });
      else set(sum.total, { kind: "hidden" });
      changed = true;
    }
    if (!changed) return;
  }
}

/** Bucket (whole point, as text) → count; the rollups' score and change histograms. */
export type PointHistogram = ReadonlyMap<number, number>;

/** Median and quartiles of a whole-point histogram (within half a point of the exact ones). */
export function quartilesOf(histogram: PointHistogram): { median: number; q1: number; q3: number } {
  // describe() reads buckets of a tenth of a point.
  const tenths = new Map([...histogram].map(([point, n]) => [point * 10, n]));
  const { median, q1, q3 } = describe(tenths);
  return { median, q1, q3 };
}

function totalOf(histogram: PointHistogram | undefined): number {
  let n = 0;
  for (const count of histogram?.values() ?? []) n += count;
  return n;
}

/** A statistic of `n` companies: shown only when n reaches the floor. */
function statCell(n: number, compute: () => number): Cell {
  if (n === 0) return NONE;
  return n < PRIVACY_FLOOR ? SMALL : value(compute());
}

/** The summed rollup cells a dashboard is built from (db/queries/dashboard.ts RollupCell). */
export interface DashboardCell {
  measure: string;
  /** T0, T1, T2 ("" for a measure of the company). */
  stage: string;
  metric: string;
  item: string;
  /** The grouping value: a month (YYYY-MM), a region, sector or size class; else "". */
  group: string;
  count: number;
  total: number;
}

/** The inputs of the panels: cells read per panel, and the facts of the questionnaire. */
export interface DashboardInput {
  /** Dimension ids of the questionnaire, in its order. */
  dimensions: readonly string[];
  /** Band ids, lowest first. */
  bands: readonly string[];
  /** Service id → category, for every service the catalogue has had. */
  services: ReadonlyMap<string, string>;
  /** The service categories, in order. */
  categories: readonly string[];
  /** The metric the histogram panel shows (a dimension or OVERALL_METRIC). */
  histogramMetric: string;
  /** started and submitted, grouped by month. */
  activity: readonly DashboardCell[];
  /** score and band, ungrouped. */
  standing: readonly DashboardCell[];
  /** score of the overall metric, grouped by region, sector and size class. */
  breakdowns: {
    region: readonly DashboardCell[];
    sector: readonly DashboardCell[];
    size_class: readonly DashboardCell[];
  };
  /** recommended (under the stage filter, or over every stage) and delivered, ungrouped. */
  demand: readonly DashboardCell[];
  /** change, improved and received, ungrouped. */
  effect: readonly DashboardCell[];
  /** status, ungrouped. */
  completeness: readonly DashboardCell[];
}

export const STAGES = ["T0", "T1", "T2"] as const;
/** The partner filter's value for companies without a partner organisation. */
export const NO_PARTNER = "none";
/** Follow-up statuses of a company, by its furthest submitted stage. */
export const COMPLETENESS_STATUSES = ["none", "T0", "T1", "T2"] as const;
/** Histogram bins of the "where companies stand" panel: ten points wide, the last 90–100. */
export const HISTOGRAM_BINS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90] as const;

export interface Dashboard {
  activity: PanelTable;
  /** completion and follow-up rates of the whole period. */
  rates: PanelTable;
  standing: PanelTable;
  histogram: PanelTable;
  bands: PanelTable;
  byRegion: PanelTable;
  bySector: PanelTable;
  bySize: PanelTable;
  demandByCategory: PanelTable;
  demandByService: PanelTable;
  effect: PanelTable;
  /** The overall change by whether the company received each service category in between. */
  effectByCategory: PanelTable;
  completeness: PanelTable;
}

/** The ids of the dashboard's tables (each has a CSV download). */
export const DASHBOARD_TABLES = [
  "activity",
  "rates",
  "standing",
  "histogram",
  "bands",
  "byRegion",
  "bySector",
  "bySize",
  "demandByCategory",
  "demandByService",
  "effect",
  "effectByCategory",
  "completeness",
] as const satisfies readonly (keyof Dashboard)[];
export type DashboardTableId = (typeof DASHBOARD_TABLES)[number];

/**
 * A table of counts with a total row: `rows` × `columns` counts, each column summed into
 * the last row, protected. Rows with no company at all are left out.
 */
function countTable(
  id: string,
  columns: readonly string[],
  rows: readonly { id: string; counts: readonly number[] }[],
): PanelTable {
  const kept = rows.filter((r) => r.counts.some((n) => n !== 0));
  const totals = columns.map((_, c) => kept.reduce((a, r) => a + r.counts[c], 0));
  const values = [...kept.map((r) => r.counts), totals];
  const table: PanelTable = {
    id,
    columns: columns.map((c) => ({ id: c, kind: "count" as const })),
    rows: [
      ...kept.map((r) => ({ id: r.id, cells: r.counts.map(countCell) })),
      { id: "total", cells: totals.map(countCell) },
    ],
    sums: columns.map((_, c) => ({
      parts: kept.map((_, r) => [r, c] as const),
      total: [kept.length, c] as const,
    })),
  };
  protectTable(table, values);
  return table;
}

function histogramsBy(
  cells: readonly DashboardCell[],
  measure: string,
  key: (c: DashboardCell) => string,
) {
  const out = new Map<string, Map<number, number>>();
  for (const cell of cells) {
    if (cell.measure !== measure) continue;
    const histogram = out.get(key(cell)) ?? new Map<number, number>();
    const point = Number(cell.item);
    histogram.set(point, (histogram.get(point) ?? 0) + cell.count);
    out.set(key(cell), histogram);
  }
  return out;
}

function sumWhere(cells: readonly DashboardCell[], test: (c: DashboardCell) => boolean): number {
  return cells.reduce((a, c) => (test(c) ? a + c.count : a), 0);
}

/** A percentage of two protected count cells: shown only when both are visible. */
function rateCell(numerator: Cell, denominator: Cell): Cell {
  if (numerator.kind !== "value") return numerator;
  if (denominator.kind !== "value") return denominator;
  return denominator.value === 0 ? NONE : value((numerator.value / denominator.value) * 100);
}

function breakdown(id: string, cells: readonly DashboardCell[]): PanelTable {
  const histograms = histogramsBy(cells, "score", (c) => c.group);
  const groups = [...histograms.keys()].sort();
  const table = countTable(
    id,
    ["companies"],
    groups.map((g) => ({ id: g, counts: [totalOf(histograms.get(g))] })),
  );
  // The median of each group beside its count: a statistic of at least PRIVACY_FLOOR
  // companies tells nothing of their number, so it stays even where the count is hidden.
  table.columns = [...table.columns, { id: "median", kind: "score" }];
  const all = new Map<number, number>();
  for (const h of histograms.values()) for (const [b, n] of h) all.set(b, (all.get(b) ?? 0) + n);
  for (const row of table.rows) {
    const histogram = (row.id === "total" ? all : histograms.get(row.id)) ?? new Map();
    row.cells.push(statCell(totalOf(histogram), () => quartilesOf(histogram).median));
  }
  return table;
}

/** Builds every panel's tables from the rollup cells of one slice. */
export function buildDashboard(input: DashboardInput): Dashboard {
  // Activity: per month, started and submitted per stage.
  const months = [...new Set(input.activity.map((c) => c.group))].sort();
  const activityColumns = ["startedT0", "submittedT0", "submittedT1", "submittedT2"];
  const activity = countTable(
    "activity",
    activityColumns,
    months.map((month) => ({
      id: month,
      counts: [
        sumWhere(
          input.activity,
          (c) => c.group === month && c.measure === "started" && c.stage === "T0",
        ),
        ...STAGES.map((stage) =>
          sumWhere(
            input.activity,
            (c) => c.group === month && c.measure === "submitted" && c.stage === stage,
          ),
        ),
      ],
    })),
  );
  const totals = activity.rows[activity.rows.length - 1].cells;
  const rates: PanelTable = {
    id: "rates",
    columns: [{ id: "percent", kind: "percent" }],
    rows: [
      { id: "completion", cells: [rateCell(totals[1], totals[0])] },
      { id: "followUpT1", cells: [rateCell(totals[2], totals[1])] },
      { id: "followUpT2", cells: [rateCell(totals[3], totals[1])] },
    ],
    sums: [],
  };

  // Where companies stand: per metric n, median and quartiles.
  const scores = histogramsBy(input.standing, "score", (c) => c.metric);
  const metrics = [...input.dimensions, OVERALL_METRIC];
  const standing: PanelTable = {
    id: "standing",
    columns: [
      { id: "companies", kind: "count" },
      { id: "median", kind: "score" },
      { id: "q1", kind: "score" },
      { id: "q3", kind: "score" },
    ],
    rows: metrics.map((metric) => {
      const histogram = scores.get(metric) ?? new Map<number, number>();
      const n = totalOf(histogram);
      const stats = n >= PRIVACY_FLOOR ? quartilesOf(histogram) : undefined;
      return {
        id: metric,
        cells: [
          countCell(n),
          statCell(n, () => stats!.median),
          statCell(n, () => stats!.q1),
          statCell(n, () => stats!.q3),
        ],
      };
    }),
    sums: [],
  };
  const chosen = scores.get(input.histogramMetric) ?? new Map<number, number>();
  const histogram = countTable(
    "histogram",
    ["companies"],
    HISTOGRAM_BINS.map((from, i) => ({
      id: `${from}-${from + 10}`,
      counts: [
        [...chosen].reduce(
          (a, [point, n]) =>
            (i === HISTOGRAM_BINS.length - 1 ? point >= from : point >= from && point < from + 10)
              ? a + n
              : a,
          0,
        ),
      ],
    })),
  );
  const bands = countTable(
    "bands",
    ["companies"],
    input.bands.map((band) => ({
      id: band,
      counts: [sumWhere(input.standing, (c) => c.measure === "band" && c.item === band)],
    })),
  );

  // Service demand: the companies recommended and delivered each category and service. A
  // row of a category has the item "" and one of a service the service's id.
  const demandCount = (measure: string, test: (c: DashboardCell) => boolean) =>
    sumWhere(input.demand, (c) => c.measure === measure && test(c));
  const demandByCategory = countTable(
    "demandByCategory",
    ["recommended", "delivered"],
    input.categories.map((category) => ({
      id: category,
      counts: [
        demandCount("recommended", (c) => c.metric === category && c.item === ""),
        demandCount("delivered", (c) => c.metric === category && c.item === ""),
      ],
    })),
  );
  const services = [
    ...new Set(input.demand.filter((c) => c.item !== "").map((c) => c.item)),
  ].sort();
  const demandByService = countTable(
    "demandByService",
    ["recommended", "delivered"],
    services.map((service) => ({
      id: service,
      counts: [
        demandCount("recommended", (c) => c.item === service),
        demandCount("delivered", (c) => c.item === service),
      ],
    })),
  );

  // Effect: T0 → T1 change per metric, and how many improved.
  const changes = histogramsBy(input.effect, "change", (c) => c.metric);
  const effect: PanelTable = {
    id: "effect",
    columns: [
      { id: "pairs", kind: "count" },
      { id: "meanChange", kind: "change" },
      { id: "medianChange", kind: "change" },
      { id: "improved", kind: "count" },
      { id: "notImproved", kind: "count" },
      { id: "shareImproved", kind: "percent" },
    ],
    rows: [],
    sums: [],
  };
  const effectValues: number[][] = [];
  metrics.forEach((metric, r) => {
    const histogram = changes.get(metric) ?? new Map<number, number>();
    const n = totalOf(histogram);
    const sum = input.effect.reduce(
      (a, c) => (c.measure === "change" && c.metric === metric ? a + c.total : a),
      0,
    );
    const improved = sumWhere(input.effect, (c) => c.measure === "improved" && c.metric === metric);
    effect.rows.push({
      id: metric,
      cells: [
        countCell(n),
        statCell(n, () => sum / n),
        statCell(n, () => quartilesOf(histogram).median),
        // Under the floor not even "none improved" is told.
        n > 0 && n < PRIVACY_FLOOR ? SMALL : countCell(improved),
        n > 0 && n < PRIVACY_FLOOR ? SMALL : countCell(n - improved),
        NONE,
      ],
    });
    effectValues.push([n, 0, 0, improved, n - improved, 0]);
    effect.sums.push({
      parts: [
        [r, 3],
        [r, 4],
      ],
      total: [r, 0],
    });
  });
  protectTable(effect, effectValues);
  for (const row of effect.rows) row.cells[5] = rateCell(row.cells[3], row.cells[0]);

  const effectByCategory = categoryEffect(input);

  const completeness = countTable(
    "completeness",
    ["companies"],
    COMPLETENESS_STATUSES.map((status) => ({
      id: status,
      counts: [sumWhere(input.completeness, (c) => c.measure === "status" && c.item === status)],
    })),
  );

  return {
    activity,
    rates,
    standing,
    histogram,
    bands,
    byRegion: breakdown("byRegion", input.breakdowns.region),
    bySector: breakdown("bySector", input.breakdowns.sector),
    bySize: breakdown("bySize", input.breakdowns.size_class),
    demandByCategory,
    demandByService,
    effect,
    effectByCategory,
    completeness,
  };
}

/**
 * The effect panel's comparison: per service category, the companies with a T0→T1 pair
 * that received a service of it between their T0 and T1 and those that did not, with the
 * mean overall change of each and the difference. Both counts add up to the pairs; a mean
 * (and the difference) is shown only for at least PRIVACY_FLOOR companies.
 */
function categoryEffect(input: DashboardInput): PanelTable {
  const table: PanelTable = {
    id: "effectByCategory",
    columns: [
      { id: "pairs", kind: "count" },
      { id: "received", kind: "count" },
      { id: "receivedMean", kind: "change" },
      { id: "notReceived", kind: "count" },
      { id: "notReceivedMean", kind: "change" },
      { id: "difference", kind: "change" },
    ],
    rows: [],
    sums: [],
  };
  const values: number[][] = [];
  input.categories.forEach((category, r) => {
    const group = (item: "yes" | "no") => {
      const cells = input.effect.filter(
        (c) => c.measure === "received" && c.metric === category && c.item === item,
      );
      const n = cells.reduce((a, c) => a + c.count, 0);
      const sum = cells.reduce((a, c) => a + c.total, 0);
      return { n, mean: n > 0 ? sum / n : 0 };
    };
    const yes = group("yes");
    const no = group("no");
    const pairs = yes.n + no.n;
    const received = statCell(yes.n, () => yes.mean);
    const notReceived = statCell(no.n, () => no.mean);
    table.rows.push({
      id: category,
      cells: [
        countCell(pairs),
        countCell(yes.n),
        received,
        countCell(no.n),
        notReceived,
        received.kind === "value" && notReceived.kind === "value"
          ? value(yes.mean - no.mean)
          : pairs === 0
            ? NONE
            : SMALL,
      ],
    });
    values.push([pairs, yes.n, 0, no.n, 0, 0]);
    table.sums.push({
      parts: [
        [r, 1],
        [r, 3],
      ],
      total: [r, 0],
    });
  });
  protectTable(table, values);
  return table;
}
