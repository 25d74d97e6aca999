import type { ChartData, ChartOptions } from "chart.js";

/** The numbers a score chart shows: the company's score per dimension, and peers when known. */
export interface ScoreChartInput {
  dimensions: {
    id: string;
    label: string;
    score: number;
    peer?: { median: number; q1: number; q3: number };
  }[];
  labels: { company: string; peerMedian: string; peerRange: string };
}

// Contrast ≥ 3:1 against white for graphics; the peer series also differs in line dash
// and point shape, so colour is never the only cue.
const COMPANY = "#0b5563";
const COMPANY_FILL = "rgba(11, 85, 99, 0.2)";
const PEER = "#b45309";
const PEER_FILL = "rgba(180, 83, 9, 0.25)";

const round = (value: number) => Math.round(value);
const hasPeers = (input: ScoreChartInput) => input.dimensions.some((d) => d.peer);

/** Radar: the company's scores, and the peer median where a peer group is shown. */
export function buildRadarData(input: ScoreChartInput): ChartData<"radar"> {
  const datasets: ChartData<"radar">["datasets"] = [
    {
      label: input.labels.company,
      data: input.dimensions.map((d) => round(d.score)),
      borderColor: COMPANY,
      backgroundColor: COMPANY_FILL,
      pointBackgroundColor: COMPANY,
      pointStyle: "circle",
      borderWidth: 2,
    },
  ];
  if (hasPeers(input)) {
    datasets.push({
      label: input.labels.peerMedian,
      data: input.dimensions.map((d) => (d.peer ? round(d.peer.median) : Number.NaN)),
      borderColor: PEER,
      backgroundColor: "transparent",
      pointBackgroundColor: PEER,
      pointStyle: "rectRot",
      borderDash: [6, 4],
      borderWidth: 2,
    });
  }
  return { labels: input.dimensions.map((d) => d.label), datasets };
}

/** Horizontal bars: the company's scores, and the peers' middle half (q1–q3) where shown. */
export function buildBarData(
  input: ScoreChartInput,
): ChartData<"bar", (number | [number, number])[]> {
  const datasets: ChartData<"bar", (number | [number, number])[]>["datasets"] = [
    {
      label: input.labels.company,
      data: input.dimensions.map((d) => round(d.score)),
      backgroundColor: COMPANY,
      borderColor: COMPANY,
      borderWidth: 1,
    },
  ];
  if (hasPeers(input)) {
    datasets.push({
      label: input.labels.peerRange,
      data: input.dimensions.map((d): [number, number] =>
        d.peer ? [round(d.peer.q1), round(d.peer.q3)] : [Number.NaN, Number.NaN],
      ),
      backgroundColor: PEER_FILL,
      borderColor: PEER,
      borderWidth: 2,
    });
  }
  return { labels: input.dimensions.map((d) => d.label), datasets };
}

const scale = { min: 0, max: 100, ticks: { stepSize: 25 } };

/** Radar options: 0–100 with a ring at every band edge (25, 50, 75). */
export function radarOptions(options: { reducedMotion: boolean }): ChartOptions<"radar"> {
  return {
    responsive: true,
    maintainAspectRatio: true,
    animation: options.reducedMotion ? false : undefined,
    scales: { r: { ...scale, beginAtZero: true, pointLabels: { font: { size: 12 } } } },
    plugins: { legend: { position: "bottom" } },
  };
}

/** Bar options: horizontal, 0–100, ticks at the band edges. */
export function barOptions(options: { reducedMotion: boolean }): ChartOptions<"bar"> {
  return {
    indexAxis: "y",
    responsive: true,
    maintainAspectRatio: false,
    animation: options.reducedMotion ? false : undefined,
    scales: { x: scale },
    plugins: { legend: { position: "bottom" } },
  };
}

/** A sentence of the numbers, for the canvas's accessible name. */
export function describeScores(input: ScoreChartInput): string {
  return input.dimensions.map((d) => `${d.label}: ${round(d.score)}`).join(", ");
}
