import type { ChartData, ChartOptions } from "chart.js";
import type { PeerView } from "./peer-view";
import type { ResultsView } from "./results-view";

/**
 * The numbers a score chart shows: the company's score per dimension (0–100, unrounded), and
 * the peer group's median and quartiles where a peer group is known (each dimension on its
 * own: the privacy floor may hide the peers of one dimension and not of another).
 */
export interface ScoreChartInput {
  dimensions: {
    id: string;
    label: string;
    score: number;
    peer?: { median: number; q1: number; q3: number };
  }[];
  /** Series names, in the page's language. */
  labels: { company: string; peerMedian: string; peerRange: string };
}

/**
 * The charts' and the score table's input from the results page's views: every dimension in
 * the definition's order with its unrounded score, and the chosen peer group's median and
 * quartiles where that group has them.
 */
export function scoreChartInput(
  results: Pick<ResultsView, "dimensions">,
  peers: Pick<PeerView, "dimensions">,
  labels: ScoreChartInput["labels"],
): ScoreChartInput {
  const peerOf = new Map(peers.dimensions.map((d) => [d.id, d.peer]));
  return {
    dimensions: results.dimensions.map((d) => ({
      id: d.id,
      label: d.name,
      score: d.score,
      peer: peerOf.get(d.id),
    })),
    labels,
  };
}

/** Options that depend on the browser rather than on the numbers. */
export interface ChartEnvironment {
  /** The user asked for less motion (`prefers-reduced-motion: reduce`): no animation. */
  reducedMotion: boolean;
  /**
   * A phone-wide screen (`NARROW_SCREEN`): the radar numbers its axes and lists the areas'
   * names below it, since names around it would leave the radar itself a few centimetres.
   */
  narrow?: boolean;
}

/** The media query of a phone-wide screen (36rem, as charts.css). */
export const NARROW_SCREEN = "(max-width: 36rem)";

/** An area's number on a narrow radar and in the key below it: 1, 2, 3… */
export function radarAxisNumber(index: number): string {
  return String(index + 1);
}

/** A floating bar: the peers' first and third quartile. */
export type PeerRange = [q1: number, q3: number];

/**
 * What a bar chart's data points are: a score, a floating bar (the peers' range, or the
 * narrow mark of their median), or nothing (no peers there).
 */
export type BarValue = number | PeerRange | null;

/** The width in points of the bar that marks the peers' median inside their range. */
export const MEDIAN_MARK = 1.2;

/** The bar datasets of the peers share one slot beside the company's bar. */
const PEER_STACK = "peers";

// Contrast against white: company 8.4:1, peer 5.0:1, text 16.6:1, muted text 7.6:1 — above
// the 3:1 that graphics need. Colour is never the only cue: on the radar the peer series is
// dashed with diamond points (the company's is solid with round points); in the bars the
// company's bar is solid and the peer range is a light bar with a strong outline.
export const CHART_COLOURS = {
  company: "#0b5563",
  companyFill: "rgba(11, 85, 99, 0.2)",
  peer: "#b45309",
  peerFill: "rgba(180, 83, 9, 0.18)",
  text: "#1b1f24",
  muted: "#4a5561",
  grid: "rgba(27, 31, 36, 0.15)",
} as const;

/** The scale of every score: 0–100 with a tick at each band edge. */
export const SCORE_SCALE = { min: 0, max: 100, stepSize: 25 } as const;

/**
 * The charts' size on paper in CSS pixels (96 per inch), matching charts.css: the radar
 * 11 cm square, the bars 16 cm wide and `barChartHeight` tall — with their titles, both
 * fit one A4 page in portrait.
 */
export const PRINT_SIZE = { radar: 416, barWidth: 605 } as const;

/** Characters per line of a dimension's name on a chart's axis before it wraps. */
const LABEL_LINE_LENGTH = 18;

/**
 * A score as people read it: a whole number, rounded like `displayScore` (scoring.ts) from
 * the value settled at 6 decimals, so that an exact 57.5 that floating point holds as
 * 57.49999999999999 reads 58 here as on the results page. Not imported, to keep the
 * engine out of the chart chunk.
 */
export function formatScore(value: number): string {
  return String(Math.round(Math.round(value * 1e6) / 1e6));
}

/** A peer range as people read it, e.g. "31–55". */
export function formatRange([q1, q3]: PeerRange): string {
  return `${formatScore(q1)}–${formatScore(q3)}`;
}

/** True when at least one dimension has a peer group, i.e. the peer series are drawn. */
export function hasPeers(input: ScoreChartInput): boolean {
  return input.dimensions.some((d) => d.peer !== undefined);
}

/**
 * Splits a dimension's name into lines of about `maxLength` characters at spaces, so that
 * long names ("Automation and artificial intelligence") don't squeeze a chart on a phone.
 * A word longer than a line keeps a line of its own.
 */
export function wrapLabel(label: string, maxLength = LABEL_LINE_LENGTH): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= maxLength) {
      lines[last] = `${lines[last]} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.length > 0 ? lines : [label];
}

/**
 * Radar data: the company's scores, and the peer median when any dimension has peers
 * (`null` where one has none, which leaves a gap in that line).
 */
export function buildRadarData(input: ScoreChartInput): ChartData<"radar", (number | null)[]> {
  const datasets: ChartData<"radar", (number | null)[]>["datasets"] = [
    {
      label: input.labels.company,
      data: input.dimensions.map((d) => d.score),
      borderColor: CHART_COLOURS.company,
      backgroundColor: CHART_COLOURS.companyFill,
      fill: true,
      borderWidth: 2,
      pointStyle: "circle",
      pointRadius: 4,
      pointHoverRadius: 6,
      pointHitRadius: 12,
      pointBackgroundColor: CHART_COLOURS.company,
      pointBorderColor: CHART_COLOURS.company,
    },
  ];
  if (hasPeers(input)) {
    datasets.push({
      label: input.labels.peerMedian,
      data: input.dimensions.map((d) => d.peer?.median ?? null),
      borderColor: CHART_COLOURS.peer,
      backgroundColor: CHART_COLOURS.peer,
      fill: false,
      borderWidth: 2,
      borderDash: [6, 4],
      pointStyle: "rectRot",
      pointRadius: 5,
      pointHoverRadius: 7,
      pointHitRadius: 12,
      pointBackgroundColor: CHART_COLOURS.peer,
      pointBorderColor: CHART_COLOURS.peer,
    });
  }
  return { labels: input.dimensions.map((d) => wrapLabel(d.label)), datasets };
}

/**
 * Bar data (drawn horizontally): the company's scores, and beside each, when any dimension
 * has peers, a floating bar from the peers' first to third quartile with their median marked
 * on it by a narrow dark bar in the same slot, like a box plot (`null` where none). The
 * median comes first so that it is drawn over the range, and the key reads in that order.
 */
export function buildBarData(input: ScoreChartInput): ChartData<"bar", BarValue[]> {
  const datasets: ChartData<"bar", BarValue[]>["datasets"] = [
    {
      label: input.labels.company,
      data: input.dimensions.map((d) => d.score),
      backgroundColor: CHART_COLOURS.company,
      borderColor: CHART_COLOURS.company,
      borderWidth: 1,
    },
  ];
  if (hasPeers(input)) {
    datasets.push(
      {
        label: input.labels.peerMedian,
        data: input.dimensions.map((d): BarValue => (d.peer ? medianMark(d.peer.median) : null)),
        stack: PEER_STACK,
        backgroundColor: CHART_COLOURS.peer,
        borderColor: CHART_COLOURS.peer,
        borderWidth: 0,
      },
      {
        label: input.labels.peerRange,
        data: input.dimensions.map((d): BarValue => (d.peer ? [d.peer.q1, d.peer.q3] : null)),
        stack: PEER_STACK,
        backgroundColor: CHART_COLOURS.peerFill,
        borderColor: CHART_COLOURS.peer,
        borderWidth: 2,
        borderSkipped: false,
      },
    );
  }
  return { labels: input.dimensions.map((d) => wrapLabel(d.label)), datasets };
}

/** The narrow floating bar centred on a median, kept inside 0–100. */
function medianMark(median: number): PeerRange {
  const start = Math.min(Math.max(median - MEDIAN_MARK / 2, 0), 100 - MEDIAN_MARK);
  return [start, start + MEDIAN_MARK];
}

/**
 * The text of one tooltip line: the series name and its value, rounded (the median's mark
 * says the median, not the mark's ends).
 */
function tooltipLabel(input: ScoreChartInput) {
  return (item: { dataset: { label?: string }; raw: unknown; dataIndex: number }): string => {
    const { raw } = item;
    const median = input.dimensions[item.dataIndex]?.peer?.median;
    const value =
      Array.isArray(raw) && item.dataset.label === input.labels.peerMedian && median !== undefined
        ? formatScore(median)
        : Array.isArray(raw)
          ? formatRange(raw as PeerRange)
          : typeof raw === "number"
            ? formatScore(raw)
            : "";
    return `${item.dataset.label ?? ""}: ${value}`;
  };
}

/** The tooltip's title: the dimension's whole name (the axis shows it wrapped). */
function tooltipTitle(input: ScoreChartInput) {
  return (items: { dataIndex: number }[]) =>
    items.length > 0 ? (input.dimensions[items[0].dataIndex]?.label ?? "") : "";
}

const hasValue = (item: { raw: unknown }) => item.raw !== null && item.raw !== undefined;

const legend = (input: ScoreChartInput, usePointStyle: boolean) => ({
  // One series needs no key; with peers the key names them (and shows their point shapes).
  display: hasPeers(input),
  position: "bottom" as const,
  labels: { color: CHART_COLOURS.text, usePointStyle },
});

/**
 * Radar options: 0–100 with a ring at every band edge (25, 50, 75); tooltips with the
 * dimension's whole name and whole numbers; no animation when the user prefers less motion.
 * The chart fills its container, which sets the size (square, see charts.css).
 */
export function radarOptions(
  input: ScoreChartInput,
  environment: ChartEnvironment,
): ChartOptions<"radar"> {
  return {
    responsive: true,
    // The container is square by CSS: a canvas that sets its own height lets a transient
    // resize (printing, a full-page screenshot) shrink it to nothing, step by step.
    maintainAspectRatio: false,
    ...(environment.reducedMotion ? { animation: false } : {}),
    scales: {
      r: {
        min: SCORE_SCALE.min,
        max: SCORE_SCALE.max,
        ticks: {
          stepSize: SCORE_SCALE.stepSize,
          color: CHART_COLOURS.muted,
          callback: (value) => formatScore(Number(value)),
        },
        grid: { color: CHART_COLOURS.grid },
        angleLines: { color: CHART_COLOURS.grid },
        pointLabels: environment.narrow
          ? {
              color: CHART_COLOURS.text,
              font: { size: 14, weight: "bold" },
              callback: (_label: string | string[], index: number) => radarAxisNumber(index),
            }
          : { color: CHART_COLOURS.text, font: { size: 12 } },
      },
    },
    plugins: {
      legend: legend(input, true),
      tooltip: {
        usePointStyle: true,
        filter: hasValue,
        callbacks: { title: tooltipTitle(input), label: tooltipLabel(input) },
      },
    },
  };
}

/** The 0–100 axis of the bar charts, with ticks at the band edges. */
export function scoreAxis() {
  return {
    min: SCORE_SCALE.min,
    max: SCORE_SCALE.max,
    ticks: {
      stepSize: SCORE_SCALE.stepSize,
      color: CHART_COLOURS.muted,
      callback: (value: string | number) => formatScore(Number(value)),
    },
    grid: { color: CHART_COLOURS.grid },
  };
}

/**
 * Every horizontal score bar chart's options (the scores, the progress): 0–100 along the
 * bars with ticks at the band edges, the areas down the side, one tooltip per area naming
 * every series; no animation when the user prefers less motion. The chart fills its
 * container's height (see `barChartHeight`).
 */
function horizontalBarOptions(
  environment: ChartEnvironment,
  plugins: NonNullable<ChartOptions<"bar">["plugins"]>,
): ChartOptions<"bar"> {
  return {
    indexAxis: "y",
    responsive: true,
    maintainAspectRatio: false,
    ...(environment.reducedMotion ? { animation: false } : {}),
    interaction: { mode: "index", axis: "y", intersect: false },
    scales: {
      // Not stacked: bars of one stack (the peers') share a slot but keep their own values.
      x: { ...scoreAxis(), stacked: false },
      y: { ticks: { color: CHART_COLOURS.text, autoSkip: false }, grid: { display: false } },
    },
    plugins,
  };
}

/** The score bars' options: a key when the peers are drawn, tooltips in whole numbers. */
export function barOptions(
  input: ScoreChartInput,
  environment: ChartEnvironment,
): ChartOptions<"bar"> {
  return horizontalBarOptions(environment, {
    legend: legend(input, false),
    tooltip: {
      filter: hasValue,
      callbacks: { title: tooltipTitle(input), label: tooltipLabel(input) },
    },
  });
}

/**
 * A horizontal bar chart's height in rem: room for each area's bars (`barsPerRow` side by
 * side), the axis and the key, so bars keep their thickness whatever the count.
 */
export function barChartHeight(rows: number, barsPerRow: 1 | 2): number {
  const perRow = barsPerRow === 2 ? 3.5 : 2.5;
  const chrome = barsPerRow === 2 ? 5 : 3;
  return Math.max(10, chrome + rows * perRow);
}

/** The score bars' height: the peers' slot beside the company's bar when they are drawn. */
export function scoreBarChartHeight(input: ScoreChartInput): number {
  return barChartHeight(input.dimensions.length, hasPeers(input) ? 2 : 1);
}

/**
 * The numbers of a chart as one sentence, for the canvas's accessible name, e.g.
 * "Strategy: 12 (Peer median: 40; Middle half of peers: 31–55). Data: 88."
 */
export function describeScores(input: ScoreChartInput): string {
  return input.dimensions
    .map((d) => {
      const score = `${d.label}: ${formatScore(d.score)}`;
      if (!d.peer) return `${score}.`;
      const median = `${input.labels.peerMedian}: ${formatScore(d.peer.median)}`;
      const range = `${input.labels.peerRange}: ${formatRange([d.peer.q1, d.peer.q3])}`;
      return `${score} (${median}; ${range}).`;
    })
    .join(" ");
}

/** What the progress chart shows: each area's score at the earlier stage and now. */
export interface ProgressChartInput {
  rows: { id: string; name: string; before: number; now: number }[];
  labels: { before: string; now: string };
}

/** Progress bars (drawn horizontally): the earlier score (light, outlined) above today's. */
export function buildProgressBarData(input: ProgressChartInput): ChartData<"bar", number[]> {
  return {
    labels: input.rows.map((r) => wrapLabel(r.name)),
    datasets: [
      {
        label: input.labels.before,
        data: input.rows.map((r) => r.before),
        backgroundColor: CHART_COLOURS.peerFill,
        borderColor: CHART_COLOURS.peer,
        borderWidth: 2,
        borderSkipped: false,
      },
      {
        label: input.labels.now,
        data: input.rows.map((r) => r.now),
        backgroundColor: CHART_COLOURS.company,
        borderColor: CHART_COLOURS.company,
        borderWidth: 1,
      },
    ],
  };
}

/** The progress chart's options: 0–100 like the score bars, a key naming both stages. */
export function progressBarOptions(
  input: ProgressChartInput,
  environment: ChartEnvironment,
): ChartOptions<"bar"> {
  return horizontalBarOptions(environment, {
    legend: { position: "bottom", labels: { color: CHART_COLOURS.text } },
    tooltip: {
      callbacks: {
        title: (items) => (items.length > 0 ? (input.rows[items[0].dataIndex]?.name ?? "") : ""),
        label: (item) => `${item.dataset.label ?? ""}: ${formatScore(Number(item.raw))}`,
      },
    },
  });
}

/** The progress chart's height: the earlier bar beside today's for each area. */
export function progressBarChartHeight(input: ProgressChartInput): number {
  return barChartHeight(input.rows.length, 2);
}

/** The progress as one sentence, for the canvas's accessible name. */
export function describeProgress(input: ProgressChartInput): string {
  return input.rows
    .map(
      (r) =>
        `${r.name}: ${input.labels.before} ${formatScore(r.before)}, ${input.labels.now} ${formatScore(r.now)}.`,
    )
    .join(" ");
}
