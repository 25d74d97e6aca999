import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useMemo } from "react";
import { Bar } from "react-chartjs-2";
import { CHART_COLOURS } from "../lib/view/chart-data";
import { wrapLabel, type DashboardChart as ChartInput } from "../lib/view/dashboard-view";

// Only the parts a bar chart uses (no chart.js/auto), so the lazy chunk stays small.
Chart.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** The series' colours: the app's primary, its accent, then two calmer shades. */
const SERIES_COLOURS = [CHART_COLOURS.company, CHART_COLOURS.peer, "#5b7c99", "#8a6d3b"];

/** Diagonal stripes of `colour` on white: how a suppressed cell's placeholder bar looks. */
function hatch(colour: string): CanvasPattern | string {
  const tile = document.createElement("canvas");
  tile.width = tile.height = 8;
  const pen = tile.getContext("2d");
  if (!pen) return CHART_COLOURS.grid;
  pen.fillStyle = "#ffffff";
  pen.fillRect(0, 0, 8, 8);
  pen.strokeStyle = colour;
  pen.lineWidth = 1.5;
  pen.beginPath();
  pen.moveTo(0, 8);
  pen.lineTo(8, 0);
  pen.moveTo(-2, 2);
  pen.lineTo(2, -2);
  pen.moveTo(6, 10);
  pen.lineTo(10, 6);
  pen.stroke();
  return pen.createPattern(tile, "repeat") ?? CHART_COLOURS.grid;
}

/** Characters per line of a horizontal chart's labels: about two fifths of its width. */
const labelWidth = (chartWidth: number) => Math.max(10, Math.floor((chartWidth * 0.4) / 7));

/**
 * A panel's bar chart (browser-only: load it with React.lazy after hydration). The table
 * beside it holds the same numbers; a suppressed cell draws a hatched placeholder bar of
 * a fixed length (never its number) and its tooltip says why (the text of the table's
 * cell). Long labels of a horizontal chart wrap to the chart's width.
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
      datasets: chart.series.map((series, i) => {
        const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
        const striped = hatch(colour);
        return {
          label: series.label,
          data: series.values.map((v, r) => (series.suppressed[r] ? chart.placeholder : v)),
          backgroundColor: series.suppressed.map((s) => (s ? striped : colour)),
          borderColor: colour,
          borderWidth: series.suppressed.map((s) => (s ? 1 : 0)),
        };
      }),
    }),
    [chart],
  );
  const valueAxis = {
    ticks: { color: CHART_COLOURS.muted, precision: 0 },
    grid: { color: CHART_COLOURS.grid },
  };
  const labelAxis = {
    ticks: horizontal
      ? {
          color: CHART_COLOURS.text,
          autoSkip: false,
          callback(this: { chart: { width: number } }, _value: unknown, index: number) {
            return wrapLabel(chart.labels[index], labelWidth(this.chart.width));
          },
        }
      : { color: CHART_COLOURS.text, autoSkip: false },
    grid: { display: false },
  };
  // A horizontal chart gives each label the lines it wraps to at about this chart's width
  // (a phone's screen, or a grid column of at most about 600 px).
  const width = Math.min(window.innerWidth - 32, 600);
  const rows = chart.labels.map((l) => Math.max(1.8, 0.6 + wrapLabel(l, labelWidth(width)).length));
  const height = horizontal ? Math.max(10, 2 + rows.reduce((a, b) => a + b, 0)) : 16;
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
