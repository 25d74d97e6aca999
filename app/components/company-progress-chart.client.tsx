import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useMemo } from "react";
import { Bar } from "react-chartjs-2";
import { CHART_COLOURS, scoreAxis } from "../lib/view/chart-data";
import { buildProgressChartData, type Progress } from "../lib/view/company-progress";

Chart.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * The progress T0 → T1 → T2 as grouped bars (browser-only; load it lazily). The same
 * numbers are in the table beside it.
 */
export default function CompanyProgressChart(props: {
  progress: Progress;
  overallLabel: string;
  title: string;
}) {
  const data = useMemo(
    () => buildProgressChartData(props.progress, props.overallLabel),
    [props.progress, props.overallLabel],
  );
  return (
    <figure className="score-chart progress-chart" data-testid="progress-chart">
      <figcaption className="score-chart__title">{props.title}</figcaption>
      <div className="score-chart__canvas" style={{ height: "18rem" }}>
        <Bar
          data={data}
          role="img"
          aria-label={props.title}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: {
              y: scoreAxis(),
              x: { ticks: { color: CHART_COLOURS.text } },
            },
            plugins: { legend: { labels: { color: CHART_COLOURS.text } } },
          }}
        />
      </div>
    </figure>
  );
}
