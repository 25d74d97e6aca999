/**
 * The dashboard's wording (pure): each panel table as the text a person reads, the same
 * for the page, its CSV download and its chart, so a download holds exactly what is shown.
 */
import { CHART_COLOURS } from "./chart-data";
import { formatChange, formatDecimal, formatPercent } from "./numbers";
import { OVERALL_METRIC, PRIVACY_FLOOR } from "../core/benchmark";
import type { Cell, ColumnKind, PanelTable } from "../core/dashboard";
import type { LocalisedText } from "../core/definitions";
import { PSO_SIZE_CLASSES, SIZE_CLASSES, type CustomerTypeId } from "../core/vocabularies";
import type { Translate } from "./translate";

/** What the tables name by id (the server's DashboardNames). */
export interface DashboardLabels {
  customerType: CustomerTypeId;
  metrics: Record<string, LocalisedText>;
  bands: Record<string, LocalisedText>;
  services: Record<string, LocalisedText>;
  partners: Record<string, string>;
}

/** A table as text: its caption, column headers, and rows (first cell the row's label). */
export interface WordedTable {
  caption: string;
  header: string[];
  rows: string[][];
}

/** A number as the tables show it. */
export function formatNumber(value: number, kind: ColumnKind, lang: "sv" | "en"): string {
  if (kind === "percent") return formatPercent(value, lang);
  if (kind === "change") return formatChange(value, lang, 1);
  return formatDecimal(value, lang, kind === "count" ? 0 : 1);
}

/** A cell as text: the number, "fewer than 5", "hidden" or a dash. */
export function cellText(t: Translate, cell: Cell, kind: ColumnKind, lang: "sv" | "en"): string {
  switch (cell.kind) {
    case "value":
      return formatNumber(cell.value, kind, lang);
    case "small":
      return t("dashboard.cell.small", { floor: PRIVACY_FLOOR });
    case "hidden":
      return t("dashboard.cell.hidden");
    case "none":
      return "–";
  }
}

/** The label of a row of a table. */
export function rowLabel(
  t: Translate,
  table: PanelTable,
  rowId: string,
  labels: DashboardLabels,
  lang: "sv" | "en",
): string {
  if (rowId === "total") return t("dashboard.total");
  switch (table.id) {
    case "activity":
      return rowId;
    case "rates":
      return t(`dashboard.rates.${rowId}`);
    case "standing":
    case "effect":
      return rowId === OVERALL_METRIC
        ? t("dashboard.overall")
        : (labels.metrics[rowId]?.[lang] ?? rowId);
    case "histogram":
      return rowId.replace("-", "–");
    case "bands":
      return labels.bands[rowId]?.[lang] ?? rowId;
    case "byRegion":
      return t(`region.${rowId}`);
    case "bySector":
      return labels.customerType === "pso" ? t(`governmentArea.${rowId}`) : t(`sector.${rowId}`);
    case "bySize":
      return t(`sizeClass.${rowId}`);
    case "demandByCategory":
    case "effectByCategory":
      return t(`recommendations.category.${rowId}`);
    case "demandByService":
      return labels.services[rowId]?.[lang] ?? rowId;
    case "completeness":
      return t(`dashboard.status.${rowId}`);
    default:
      return rowId;
  }
}

/** A whole table as text, for the page, the CSV and the chart's labels. */
export function wordTable(
  t: Translate,
  table: PanelTable,
  labels: DashboardLabels,
  lang: "sv" | "en",
): WordedTable {
  return {
    caption: t(`dashboard.table.${table.id}`),
    header: [
      t(`dashboard.rowHeader.${table.id}`),
      ...table.columns.map((c) => t(`dashboard.column.${c.id}`)),
    ],
    rows: table.rows.map((row) => [
      rowLabel(t, table, row.id, labels, lang),
      ...row.cells.map((cell, i) => cellText(t, cell, table.columns[i].kind, lang)),
    ]),
  };
}

/** One bar series of a chart: values (null where suppressed) and their labels. */
export interface ChartSeries {
  label: string;
  /** null: no number to draw (suppressed or none); the table says why. */
  values: (number | null)[];
  /** Where the cell is suppressed: drawn as a hatched placeholder, never as its number. */
  suppressed: boolean[];
}

/** A bar chart's data built from a table: rows (without the total) × the chosen columns. */
export interface DashboardChart {
  labels: string[];
  series: ChartSeries[];
  /** The worded cells, for the tooltips and the chart's text alternative. */
  texts: string[][];
  /**
   * The length of a suppressed cell's placeholder bar: a fifth of the longest visible bar
   * (1 when none is visible). It depends only on the cells that are shown, so it tells
   * nothing about the one that is not.
   */
  placeholder: number;
}

/**
 * A breakdown's rows in the order a reader looks for them: counties and sectors by their
 * name in the reader's language (Swedish puts Å, Ä, Ö after Z), size classes from the
 * smallest; the total stays last. Other tables keep their order (months, bands, buckets).
 * The page, its chart and the CSV all read the table in this order.
 */
export function inReadingOrder(
  t: Translate,
  table: PanelTable,
  labels: DashboardLabels,
  lang: "sv" | "en",
): PanelTable {
  if (!["byRegion", "bySector", "bySize"].includes(table.id)) return table;
  const sizes: readonly string[] = labels.customerType === "pso" ? PSO_SIZE_CLASSES : SIZE_CLASSES;
  const collator = new Intl.Collator(lang === "sv" ? "sv-SE" : "en-GB");
  const key = (id: string) => rowLabel(t, table, id, labels, lang);
  const compare = (a: string, b: string) =>
    table.id === "bySize" && sizes.includes(a) && sizes.includes(b)
      ? sizes.indexOf(a) - sizes.indexOf(b)
      : collator.compare(key(a), key(b));
  const rows = [
    ...table.rows.filter((r) => r.id !== "total").sort((a, b) => compare(a.id, b.id)),
    ...table.rows.filter((r) => r.id === "total"),
  ];
  // The sums name cells by row index: point them at the rows' new places.
  const moved = new Map(table.rows.map((row, index) => [index, rows.indexOf(row)]));
  const at = ([row, column]: readonly [number, number]) => [moved.get(row)!, column] as const;
  const sums = table.sums.map((sum) => ({ parts: sum.parts.map(at), total: at(sum.total) }));
  return { ...table, rows, sums };
}

/**
 * The chart of a table: one bar per row (the total row left out), one series per column
 * in `columns`; a suppressed cell draws no bar and its label says why.
 */
export function chartOf(
  t: Translate,
  table: PanelTable,
  columns: readonly number[],
  labels: DashboardLabels,
  lang: "sv" | "en",
): DashboardChart {
  const rows = table.rows.filter((r) => r.id !== "total");
  const series = columns.map((c) => ({
    label: t(`dashboard.column.${table.columns[c].id}`),
    values: rows.map((row) => {
      const cell = row.cells[c];
      return cell.kind === "value" ? cell.value : null;
    }),
    suppressed: rows.map((row) => ["small", "hidden"].includes(row.cells[c].kind)),
  }));
  const longest = Math.max(
    0,
    ...series.flatMap((s) => s.values.map((v) => (v === null ? 0 : Math.abs(v)))),
  );
  return {
    labels: rows.map((row) => rowLabel(t, table, row.id, labels, lang)),
    series,
    texts: rows.map((row) =>
      columns.map((c) => cellText(t, row.cells[c], table.columns[c].kind, lang)),
    ),
    placeholder: longest > 0 ? longest / 5 : 1,
  };
}

/** The series' colours: the app's primary, its accent, then two calmer shades. */
export const SERIES_COLOURS = [CHART_COLOURS.company, CHART_COLOURS.peer, "#5b7c99", "#8a6d3b"];

/** A Chart.js bar dataset of a series; `P` is how a hatch pattern is drawn (a canvas pattern). */
export interface BarDataset<P> {
  label: string;
  data: (number | null)[];
  backgroundColor: (string | P)[];
  borderColor: string;
  borderWidth: number[];
}

/**
 * The chart's bar datasets: each series in its own solid colour, and a suppressed cell as
 * a placeholder bar hatched in that colour (`hatch(colour)`), outlined so it reads as a
 * placeholder rather than a value.
 */
export function barDatasets<P>(
  chart: DashboardChart,
  hatch: (colour: string) => P,
): BarDataset<P>[] {
  return chart.series.map((series, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    const striped = hatch(colour);
    return {
      label: series.label,
      data: series.values.map((v, r) => (series.suppressed[r] ? chart.placeholder : v)),
      backgroundColor: series.suppressed.map((s) => (s ? striped : colour)),
      borderColor: colour,
      borderWidth: series.suppressed.map((s) => (s ? 1 : 0)),
    };
  });
}

/** One entry of a chart's legend: a series (by index) or the key to the hatched bars. */
export interface LegendEntry<P> {
  text: string;
  fill: string | P;
  stroke: string;
  /** The series it shows and hides when clicked; none for the hatch's key. */
  datasetIndex?: number;
}

/**
 * The chart's legend: each series with a swatch of its solid colour (never the look of its
 * first bar, which may be a hatched placeholder), then, when any bar is a placeholder, a
 * hatched swatch saying what the stripes mean. Empty when there is nothing to tell apart.
 */
export function legendEntries<P>(
  t: Translate,
  chart: DashboardChart,
  hatch: (colour: string) => P,
): LegendEntry<P>[] {
  const anySuppressed = chart.series.some((s) => s.suppressed.some(Boolean));
  if (chart.series.length < 2 && !anySuppressed) return [];
  const entries: LegendEntry<P>[] = chart.series.map((series, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    return { text: series.label, fill: colour, stroke: colour, datasetIndex: i };
  });
  if (anySuppressed) {
    entries.push({
      text: t("dashboard.chartSuppressed", { floor: PRIVACY_FLOOR }),
      fill: hatch(CHART_COLOURS.muted),
      stroke: CHART_COLOURS.muted,
    });
  }
  return entries;
}

/**
 * A bar's label in lines of at most `width` characters (broken between words; a word
 * longer than a line is cut with an ellipsis), so a long name fits a phone's axis
 * instead of being clipped; past `maxLines` the last line ends in an ellipsis. The
 * tooltip and the table keep the whole label.
 */
export function wrapLabel(label: string, width: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const fitted = word.length > width ? `${word.slice(0, Math.max(1, width - 1))}…` : word;
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + fitted.length <= width) {
      lines[last] += ` ${fitted}`;
    } else {
      lines.push(fitted);
    }
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const end = kept[maxLines - 1];
    kept[maxLines - 1] = `${end.length < width ? end : end.slice(0, Math.max(1, width - 1))}…`;
    return kept;
  }
  return lines.length ? lines : [""];
}

/** At most this many lines of a horizontal chart's bar label (then an ellipsis). */
export const LABEL_MAX_LINES = 3;

/** Characters per line of a horizontal chart's labels: about two fifths of its width. */
export const labelWidth = (chartWidthPx: number) =>
  Math.max(10, Math.floor((chartWidthPx * 0.4) / 7));

/** The height (rem) of a line of a chart's tick label: Chart.js's 12 px font × 1.2. */
export const LABEL_LINE_REM = 0.9;

/**
 * The height (rem) of a horizontal bar chart `widthPx` wide. Chart.js gives every bar the
 * same band, so each band must hold the label of the most lines (else a long label runs
 * into its neighbours); plus room for the value axis and the legend's rows.
 */
export function horizontalChartHeight(
  labels: readonly string[],
  widthPx: number,
  legendEntries: number,
): number {
  const lines = Math.max(
    1,
    ...labels.map((l) => wrapLabel(l, labelWidth(widthPx), LABEL_MAX_LINES).length),
  );
  const band = Math.max(1.8, 0.7 + LABEL_LINE_REM * lines);
  const perLegendRow = widthPx < 480 ? 2 : 3;
  const legend = legendEntries > 0 ? 1.6 * Math.ceil(legendEntries / perLegendRow) + 0.4 : 0;
  return Math.max(10, 2 + legend + labels.length * band);
}

/**
 * A table as the rows of its CSV download: the header, then each row's label and cells,
 * numbers rounded as the page shows them, suppressed cells worded as on the page.
 */
export function tableCsvRows(
  t: Translate,
  shown: PanelTable,
  labels: DashboardLabels,
  lang: "sv" | "en",
): (string | number)[][] {
  const table = inReadingOrder(t, shown, labels, lang);
  const worded = wordTable(t, table, labels, lang);
  return [
    worded.header,
    ...table.rows.map((row, r) => [
      worded.rows[r][0],
      ...row.cells.map((cell, c) => {
        if (cell.kind !== "value") return worded.rows[r][c + 1];
        const digits = ["count", "percent"].includes(table.columns[c].kind) ? 0 : 1;
        return Number(cell.value.toFixed(digits));
      }),
    ]),
  ];
}
