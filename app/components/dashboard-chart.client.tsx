import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import type { ChartData } from "chart.js";
import { useMemo, useRef } from "react";
import { Bar } from "react-chartjs-2";
import { usePrintSize } from "./print-size";
import { CHART_COLOURS, PRINT_SIZE } from "../lib/view/chart-data";
import {
  barDatasets,
  horizontalChartHeight,
  LABEL_MAX_LINES,
  labelWidth,
  legendEntries,
  wrapLabel,
  type DashboardChart as ChartInput,
} from "../lib/view/dashboard-view";
import { useTranslation } from "./i18n";

// Only the parts a bar chart uses (no chart.js/auto), so the lazy chunk stays small.
Chart.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

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

/**
 * A panel's bar chart (browser-only: load it with React.lazy after hydration). The table
 * beside it holds the same numbers; a suppressed cell draws a hatched placeholder bar of
 * a fixed length (never its number) and its tooltip says why (the text of the table's
 * cell). Long labels of a horizontal chart wrap to the chart's width, at most three lines
 * (the tooltip and the table hold the whole name), and every bar has room for the longest.
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
  const { t } = useTranslation();
  const data = useMemo(
    () => ({ labels: chart.labels, datasets: barDatasets(chart, hatch) }),
    [chart],
  );
  const legend = useMemo(() => legendEntries(t, chart, hatch), [t, chart]);
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
            return wrapLabel(chart.labels[index], labelWidth(this.chart.width), LABEL_MAX_LINES);
          },
        }
      : { color: CHART_COLOURS.text, autoSkip: false },
    grid: { display: false },
  };
  // A horizontal chart gives every bar the lines of its longest label at about this chart's
  // width (a phone's screen, or a grid column of at most about 600 px).
  const width = Math.min(window.innerWidth - 32, 600);
  const height = horizontal ? horizontalChartHeight(chart.labels, width, legend.length) : 16;
  // On paper every chart has the page's width (one column, charts.css).
  const instance = useRef<Chart<"bar", ChartData<"bar">["datasets"][number]["data"]>>(null);
  usePrintSize(instance, PRINT_SIZE.barWidth, height * 16);
  return (
    <div className="dashboard-chart" style={{ height: `${height}rem` }}>
      <Bar
        ref={instance}
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
            legend: {
              display: legend.length > 0,
              labels: {
                color: CHART_COLOURS.text,
                // Each series' own colour, not its first bar's look (which may be hatched),
                // and a key to the hatched placeholders.
                generateLabels: (instance) =>
                  legend.map((entry) => ({
                    text: entry.text,
                    fillStyle: entry.fill,
                    strokeStyle: entry.stroke,
                    lineWidth: 1,
                    fontColor: CHART_COLOURS.text,
                    datasetIndex: entry.datasetIndex,
                    hidden:
                      entry.datasetIndex !== undefined &&
                      !instance.isDatasetVisible(entry.datasetIndex),
                  })),
              },
              onClick(event, item, instance) {
                // The hatch's key shows and hides nothing.
                if (item.datasetIndex === undefined) return;
                Chart.defaults.plugins.legend.onClick.call(this, event, item, instance);
              },
            },
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
