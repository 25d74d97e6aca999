import type { ChartData } from "chart.js";
import { CHART_COLOURS } from "./chart-data";

/** A submitted assessment with its scores, as the progress is built from. */
export interface ProgressInput {
  definitionId: string;
  version: string;
  major: number;
  stage: string;
  submittedAt: string | Date;
  overall: number;
  scores: Record<string, number>;
}

/** One questionnaire's progress: the stages of one major version, and those left out. */
export interface Progress {
  definitionId: string;
  major: number;
  dimensions: { id: string; label: string }[];
  stages: {
    stage: string;
    submittedAt: string | Date;
    overall: number;
    scores: Record<string, number>;
  }[];
  /** Stages answered on another major version: not comparable, named on the page. */
  excluded: { stage: string; version: string }[];
}

const STAGE_ORDER = ["T0", "T1", "T2"];

/**
 * The progress T0 → T1 → T2 of each questionnaire: only the stages answered on the same
 * major version as the latest one are compared (a new major version may score differently);
 * the others are listed as excluded. `dimensionsOf` names a questionnaire's dimensions.
 */
export function buildProgress(
  assessments: readonly ProgressInput[],
  dimensionsOf: (definitionId: string, version: string) => { id: string; label: string }[],
): Progress[] {
  const byDefinition = new Map<string, ProgressInput[]>();
  for (const a of assessments) {
    byDefinition.set(a.definitionId, [...(byDefinition.get(a.definitionId) ?? []), a]);
  }
  return [...byDefinition.entries()].map(([definitionId, list]) => {
    const latest = [...list].sort(
      (a, b) => new Date(b.submittedAt).getTime() - new Date(a.submittedAt).getTime(),
    )[0];
    const sorted = [...list].sort(
      (a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage),
    );
    return {
      definitionId,
      major: latest.major,
      dimensions: dimensionsOf(definitionId, latest.version),
      stages: sorted
        .filter((a) => a.major === latest.major)
        .map((a) => ({
          stage: a.stage,
          submittedAt: a.submittedAt,
          overall: a.overall,
          scores: a.scores,
        })),
      excluded: sorted
        .filter((a) => a.major !== latest.major)
        .map((a) => ({ stage: a.stage, version: a.version })),
    };
  });
}

const STAGE_COLOURS = [CHART_COLOURS.muted, CHART_COLOURS.peer, CHART_COLOURS.company];

/** The progress as a grouped bar chart: one group per dimension and overall, a bar per stage. */
export function buildProgressChartData(
  progress: Progress,
  overallLabel: string,
): ChartData<"bar", number[]> {
  return {
    labels: [...progress.dimensions.map((d) => d.label), overallLabel],
    datasets: progress.stages.map((s, i) => ({
      label: s.stage,
      data: [...progress.dimensions.map((d) => round1(s.scores[d.id] ?? 0)), round1(s.overall)],
      backgroundColor: STAGE_COLOURS[i % STAGE_COLOURS.length],
      borderColor: STAGE_COLOURS[i % STAGE_COLOURS.length],
      borderWidth: 1,
    })),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
