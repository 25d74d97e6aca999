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
import { Bar, Radar } from "react-chartjs-2";
import {
  barOptions,
  buildBarData,
  buildRadarData,
  describeScores,
  radarOptions,
  type ScoreChartInput,
} from "../lib/chart-data";

// Only the parts these two charts use, so the chunk stays small.
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

function prefersReducedMotion(): boolean {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/**
 * The radar and bar charts of a results page. Browser-only (Chart.js draws on canvas);
 * loaded lazily after hydration. The numbers are also in the page's table.
 */
export default function ScoreCharts(props: {
  input: ScoreChartInput;
  radarTitle: string;
  barTitle: string;
}) {
  const { input, radarTitle, barTitle } = props;
  const reducedMotion = prefersReducedMotion();
  const summary = describeScores(input);
  return (
    <div className="score-charts">
      <figure className="score-chart score-chart--radar">
        <figcaption>{radarTitle}</figcaption>
        <Radar
          data={buildRadarData(input)}
          options={radarOptions({ reducedMotion })}
          role="img"
          aria-label={`${radarTitle}: ${summary}`}
        />
      </figure>
      <figure className="score-chart score-chart--bar">
        <figcaption>{barTitle}</figcaption>
        <div className="score-chart__bar-box">
          <Bar
            data={buildBarData(input)}
            options={barOptions({ reducedMotion })}
            role="img"
            aria-label={`${barTitle}: ${summary}`}
          />
        </div>
      </figure>
    </div>
  );
}
