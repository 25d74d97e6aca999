import {
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadialLinearScale,
  Tooltip,
} from "chart.js";
import { useMemo, useRef, useSyncExternalStore } from "react";
import { Bar, Radar } from "react-chartjs-2";
import type { ChartData, ChartOptions } from "chart.js";
import {
  barOptions,
  buildBarData,
  buildProgressBarData,
  buildRadarData,
  describeProgress,
  describeScores,
  NARROW_SCREEN,
  PRINT_SIZE,
  radarAxisNumber,
  progressBarChartHeight,
  progressBarOptions,
  radarOptions,
  scoreBarChartHeight,
  type BarValue,
  type ProgressChartInput,
  type ScoreChartInput,
} from "../lib/view/chart-data";
import { usePrintSize } from "./print-size";

// Only the parts these two charts use (no chart.js/auto), so the lazy chunk stays small.
Chart.register(
  RadialLinearScale,
  PointElement,
  LineElement,
  Filler,
  Tooltip,
  Legend,
  CategoryScale,
  LinearScale,
  BarElement,
);

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

function subscribeToMediaQuery(media: string, onChange: () => void): () => void {
  const query = window.matchMedia?.(media);
  query?.addEventListener("change", onChange);
  return () => query?.removeEventListener("change", onChange);
}

/** Whether a media query matches; follows changes (`server` before hydration). */
function useMediaQuery(query: string, server: boolean): boolean {
  return useSyncExternalStore(
    (onChange) => subscribeToMediaQuery(query, onChange),
    () => window.matchMedia?.(query).matches ?? false,
    () => server,
  );
}

/** Whether the user prefers less motion; follows changes to the setting. */
function useReducedMotion(): boolean {
  return useMediaQuery(REDUCED_MOTION, true);
}

export interface ScoreChartProps {
  input: ScoreChartInput;
  /** Shown above the chart and the start of its accessible name. */
  title: string;
}

/** The company's score per dimension (and the peer median, when known) as a radar. */
export function ScoreRadarChart({ input, title }: ScoreChartProps) {
  const reducedMotion = useReducedMotion();
  const narrow = useMediaQuery(NARROW_SCREEN, false);
  const data = useMemo(() => buildRadarData(input), [input]);
  const options = useMemo(
    () => radarOptions(input, { reducedMotion, narrow }),
    [input, reducedMotion, narrow],
  );
  const chart = useRef<Chart<"radar", (number | null)[]>>(null);
  usePrintSize(chart, PRINT_SIZE.radar, PRINT_SIZE.radar);
  return (
    <figure className="score-chart score-chart--radar">
      <figcaption className="score-chart__title">{title}</figcaption>
      <div className="score-chart__canvas">
        <Radar
          ref={chart}
          data={data}
          options={options}
          role="img"
          aria-label={`${title}. ${describeScores(input)}`}
        />
      </div>
      {narrow ? (
        <ol className="score-chart__key" data-testid="radar-key" aria-hidden="true">
          {input.dimensions.map((d, i) => (
            <li key={d.id}>
              <span className="score-chart__key-number">{radarAxisNumber(i)}</span> {d.label}
            </li>
          ))}
        </ol>
      ) : null}
    </figure>
  );
}

/**
 * A horizontal bar chart in its figure: `height` rem tall on screen, redrawn at the printed
 * width for print, named by its title and its numbers in a sentence.
 */
function BarFigure(props: {
  data: ChartData<"bar", BarValue[]>;
  options: ChartOptions<"bar">;
  height: number;
  title: string;
  description: string;
  testId?: string;
}) {
  const chart = useRef<Chart<"bar", BarValue[]>>(null);
  usePrintSize(chart, PRINT_SIZE.barWidth, props.height * 16);
  return (
    <figure className="score-chart score-chart--bar" data-testid={props.testId}>
      <figcaption className="score-chart__title">{props.title}</figcaption>
      <div className="score-chart__canvas" style={{ height: `${props.height}rem` }}>
        <Bar
          ref={chart}
          data={props.data}
          options={props.options}
          role="img"
          aria-label={`${props.title}. ${props.description}`}
        />
      </div>
    </figure>
  );
}

/** The company's score per dimension (and the peers' median and middle half) as bars. */
export function ScoreBarChart({ input, title }: ScoreChartProps) {
  const reducedMotion = useReducedMotion();
  const data = useMemo(() => buildBarData(input), [input]);
  const options = useMemo(() => barOptions(input, { reducedMotion }), [input, reducedMotion]);
  return (
    <BarFigure
      data={data}
      options={options}
      height={scoreBarChartHeight(input)}
      title={title}
      description={describeScores(input)}
    />
  );
}

/**
 * Both charts in a responsive grid (side by side on wide screens, stacked on phones).
 * Browser-only (Chart.js draws on a canvas): load it with `React.lazy` after hydration, so
 * Chart.js stays out of the first load. The numbers are also in `ScoreTable`.
 */
export default function ScoreCharts(props: {
  input: ScoreChartInput;
  radarTitle: string;
  barTitle: string;
}) {
  return (
    <div className="score-charts">
      <ScoreRadarChart input={props.input} title={props.radarTitle} />
      <ScoreBarChart input={props.input} title={props.barTitle} />
    </div>
  );
}

/** A follow-up's scores per area then and now, as pairs of bars. */
export function ProgressChart({ input, title }: { input: ProgressChartInput; title: string }) {
  const reducedMotion = useReducedMotion();
  const data = useMemo(() => buildProgressBarData(input), [input]);
  const options = useMemo(
    () => progressBarOptions(input, { reducedMotion }),
    [input, reducedMotion],
  );
  return (
    <BarFigure
      data={data}
      options={options}
      height={progressBarChartHeight(input)}
      title={title}
      description={describeProgress(input)}
      testId="progress-chart"
    />
  );
}
