import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useMemo } from "react";
import { Bar } from "react-chartjs-2";
import { CHART_COLOURS } from "../lib/view/chart-data";
import type { DashboardChart as ChartInput } from "../lib/view/dashboard-view";

// Only the parts a bar chart uses (no chart.js/auto), so the lazy chunk stays small.
Chart.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** The series' colours: the app's primary, its accent, then two calmer shades. */
const SERIES_COLOURS = [CHART_COLOURS.company, CHART_COLOURS.peer, "#5b7c99", "#8a6d3b"];

/**
 * A panel's bar chart (browser-only: load it with React.lazy after hydration). The table
 * beside it holds the same numbers; a suppressed cell draws no bar and its tooltip says
 * why (the text of the table's cell).
 */
export default function DashboardChart({
  chart,
  title,
  horizontal = false,
}: {
  chart: ChartInput;
  title: string;
  horizontal?: boolean;
}) {
  const data = useMemo(
    () => ({
      labels: chart.labels,
      datasets: chart.series.map((series, i) => ({
        label: series.label,
        data: series.values,
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
      })),
    }),
    [chart],
  );
  const valueAxis = {
    ticks: { color: CHART_COLOURS.muted, precision: 0 },
    grid: { color: CHART_COLOURS.grid },
  };
  const labelAxis = {
    ticks: { color: CHART_COLOURS.text, autoSkip: false },
    grid: { display: false },
  };
  const height = horizontal ? Math.max(10, 2 + chart.labels.length * 1.8) : 16;
  return (
    <div className="dashboard-chart" style={{ height: `${height}rem` }}>
      <Bar
        aria-label={title}
        role="img"
        data={data}
        options={{
          indexAxis: horizontal ? "y" : "x",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
          plugins: {
            legend: { display: chart.series.length > 1, labels: { color: CHART_COLOURS.text } },
            tooltip: {
              callbacks: {
                label: (item) =>
                  `${item.dataset.label}: ${chart.texts[item.dataIndex][item.datasetIndex]}`,
              },
            },
          },
        }}
      />
    </div>
  );
}
