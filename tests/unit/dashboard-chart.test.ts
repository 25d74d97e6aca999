import { describe, expect, test } from "vitest";
import type { PanelTable } from "../../app/lib/core/dashboard";
import {
  barDatasets,
  chartOf,
  horizontalChartHeight,
  inReadingOrder,
  LABEL_LINE_REM,
  LABEL_MAX_LINES,
  labelWidth,
  legendEntries,
  SERIES_COLOURS,
  tableCsvRows,
  wrapLabel,
  type DashboardLabels,
} from "../../app/lib/view/dashboard-view";
import type { LanguageId } from "../../app/lib/core/vocabularies";
import { translate, type Dictionary, type Translate } from "../../app/lib/view/translate";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";

const dictionaries: Record<LanguageId, Dictionary> = { en, sv };
const translatorFor =
  (lang: LanguageId): Translate =>
  (key, variables) =>
    translate(dictionaries[lang], key, variables);

const labels: DashboardLabels = {
  customerType: "sme",
  metrics: {},
  bands: {},
  services: {},
  partners: {},
};

/** A by-region table whose second region has fewer than five companies. */
const table = (hiddenValue: number | null): PanelTable => ({
  id: "byRegion",
  columns: [
    { id: "companies", kind: "count" },
    { id: "median", kind: "score" },
  ],
  rows: [
    {
      id: "skane",
      cells: [
        { kind: "value", value: 40 },
        { kind: "value", value: 55 },
      ],
    },
    {
      id: "blekinge",
      cells: [{ kind: "small" }, hiddenValue === null ? { kind: "small" } : { kind: "hidden" }],
    },
    { id: "halland", cells: [{ kind: "value", value: 12 }, { kind: "none" }] },
    {
      id: "total",
      cells: [
        { kind: "value", value: 55 },
        { kind: "value", value: 50 },
      ],
    },
  ],
  sums: [],
});

describe("a dashboard chart's suppressed bars", () => {
  test.each(["sv", "en"] as const)(
    "are marked, drawn at a length that tells nothing (%s)",
    (lang) => {
      const t = translatorFor(lang);
      const chart = chartOf(t, table(null), [0, 1], labels, lang);
      expect(chart.series[0].suppressed).toEqual([false, true, false]);
      expect(chart.series[1].suppressed).toEqual([false, true, false]);
      // No number for a suppressed cell, and "none" is neither a number nor suppressed.
      expect(chart.series[0].values).toEqual([40, null, 12]);
      expect(chart.series[1].values).toEqual([55, null, null]);
      // A fifth of the longest visible bar: from the shown cells only.
      expect(chart.placeholder).toBe(11);
      // The tooltip's text is the table's: "fewer than 5", never a number.
      expect(chart.texts[1][0]).toBe(t("dashboard.cell.small", { floor: 5 }));
      expect(chart.texts[1][0]).not.toMatch(/^\d+$/);
    },
  );

  test("a hidden (complementary) cell is suppressed too, and the placeholder is the same", () => {
    const t = translatorFor("en");
    const a = chartOf(t, table(null), [0, 1], labels, "en");
    const b = chartOf(t, table(3), [0, 1], labels, "en");
    expect(b.series[1].suppressed).toEqual([false, true, false]);
    expect(b.placeholder).toBe(a.placeholder);
  });
});

describe("wrapLabel", () => {
  test.each([
    ["Skåne", 12, ["Skåne"]],
    ["Digital affärsstrategi och ledning", 12, ["Digital", "affärsstrat…", "och ledning"]],
    ["Automation & Artificial Intelligence", 14, ["Automation &", "Artificial", "Intelligence"]],
    ["Digital Readiness", 40, ["Digital Readiness"]],
    ["", 10, [""]],
  ])("%s at %i characters", (label, width, lines) => {
    const wrapped = wrapLabel(label, width);
    expect(wrapped).toEqual(lines);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(width);
  });

  test.each([
    ["Stöd för EU-ansökningar och regionala utlysningar", 19, 3],
    ["Networking and access to innovation ecosystems", 10, 2],
  ])("%s at %i characters stops at %i lines, with an ellipsis", (label, width, maxLines) => {
    const wrapped = wrapLabel(label, width, maxLines);
    expect(wrapped).toHaveLength(maxLines);
    expect(wrapped[maxLines - 1]).toMatch(/…$/);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(width);
    expect(wrapped.join(" ").replace(/…$/, "")).toBe(
      wrapLabel(label, width)
        .join(" ")
        .slice(0, wrapped.join(" ").length - 1),
    );
  });
});

describe("a horizontal chart's height on a phone", () => {
  // The service names of the demo catalogue that wrap the most, and short ones.
  const names = [
    "AI-pilot i testbädd",
    "Stöd för EU-ansökningar och regionala utlysningar",
    "Rådgivning om finansiering och bidrag",
    "Nätverk för digitaliseringsansvariga",
    "Robot- och automationsdemo i testbädd",
  ];

  test.each([375, 768, 1280])(
    "gives every bar's band room for the longest label's lines at %i px",
    (viewport) => {
      const width = Math.min(viewport - 32, 600);
      const legend = 3;
      const height = horizontalChartHeight(names, width, legend);
      const lines = Math.max(
        ...names.map((n) => wrapLabel(n, labelWidth(width), LABEL_MAX_LINES).length),
      );
      expect(lines).toBeLessThanOrEqual(LABEL_MAX_LINES);
      // Chart.js gives every bar the same band of what is left after the axis and legend.
      // The legend: about two entries a line on a phone, three on a wider screen.
      const legendRows = Math.ceil(legend / (width < 480 ? 2 : 3));
      const band = (height - 2 - 1.6 * legendRows - 0.4) / names.length;
      expect(band).toBeGreaterThanOrEqual(lines * LABEL_LINE_REM + 0.5);
    },
  );
});

/** Service demand: recommended vs delivered, where the first service's deliveries are few. */
const demand: PanelTable = {
  id: "demandByCategory",
  columns: [
    { id: "recommended", kind: "count" },
    { id: "delivered", kind: "count" },
  ],
  rows: [
    {
      id: "test-before-invest",
      cells: [{ kind: "value", value: 120 }, { kind: "small" }],
    },
    {
      id: "training",
      cells: [
        { kind: "value", value: 80 },
        { kind: "value", value: 30 },
      ],
    },
  ],
  sums: [],
};

describe("a dashboard chart's series and legend", () => {
  const hatch = (colour: string) => `hatch(${colour})`;

  test("a delivered bar is solid in its series' colour; only a suppressed one is hatched", () => {
    const t = translatorFor("en");
    const [recommended, delivered] = barDatasets(chartOf(t, demand, [0, 1], labels, "en"), hatch);
    expect(recommended.backgroundColor).toEqual([SERIES_COLOURS[0], SERIES_COLOURS[0]]);
    expect(delivered.backgroundColor).toEqual([hatch(SERIES_COLOURS[1]), SERIES_COLOURS[1]]);
    expect(delivered.borderWidth).toEqual([1, 0]);
    expect(SERIES_COLOURS[1]).not.toBe(SERIES_COLOURS[0]);
  });

  test.each(["sv", "en"] as const)(
    "the legend shows each series solid and the stripes as their own key (%s)",
    (lang) => {
      const t = translatorFor(lang);
      const entries = legendEntries(t, chartOf(t, demand, [0, 1], labels, lang), hatch);
      expect(entries).toEqual([
        {
          text: t("dashboard.column.recommended"),
          fill: SERIES_COLOURS[0],
          stroke: SERIES_COLOURS[0],
          datasetIndex: 0,
        },
        {
          text: t("dashboard.column.delivered"),
          fill: SERIES_COLOURS[1],
          stroke: SERIES_COLOURS[1],
          datasetIndex: 1,
        },
        expect.objectContaining({ fill: expect.stringMatching(/^hatch\(/) }),
      ]);
      expect(entries[2].datasetIndex).toBeUndefined();
      expect(entries[2].text).toContain(t("dashboard.cell.small", { floor: 5 }).slice(1));
    },
  );

  test("one series without suppressed bars needs no legend", () => {
    const t = translatorFor("en");
    const shown = chartOf(t, demand, [0], labels, "en");
    expect(legendEntries(t, shown, hatch)).toEqual([]);
    const hidden = chartOf(t, demand, [1], labels, "en");
    expect(legendEntries(t, hidden, hatch).map((e) => e.datasetIndex)).toEqual([0, undefined]);
  });
});

describe("a breakdown's rows in reading order", () => {
  const count = (value: number) => ({ kind: "value" as const, value });
  const breakdown = (id: string, rowIds: string[]): PanelTable => ({
    id,
    columns: [{ id: "companies", kind: "count" }],
    rows: [...rowIds, "total"].map((rowId, i) => ({ id: rowId, cells: [count(10 + i)] })),
    sums: [{ parts: rowIds.map((_, i) => [i, 0] as const), total: [rowIds.length, 0] }],
  });

  test("counties by their Swedish name, Ö after Z, and by their English name; the total last", () => {
    const table = breakdown("byRegion", ["orebro", "skane", "vasterbotten", "blekinge"]);
    const order = (lang: LanguageId) =>
      inReadingOrder(translatorFor(lang), table, labels, lang).rows.map((r) => r.id);
    expect(order("sv")).toEqual(["blekinge", "skane", "vasterbotten", "orebro", "total"]);
    expect(order("en")).toEqual(["blekinge", "orebro", "skane", "vasterbotten", "total"]);
  });

  test("size classes from the smallest, and the CSV rows in the page's order", () => {
    const table = breakdown("bySize", ["medium", "micro", "large", "small"]);
    const t = translatorFor("en");
    expect(inReadingOrder(t, table, labels, "en").rows.map((r) => r.id)).toEqual([
      "micro",
      "small",
      "medium",
      "large",
      "total",
    ]);
    const ordered = inReadingOrder(t, table, labels, "en");
    // The sum still names the same rows, at their new places.
    const named = (t: PanelTable) => t.sums[0].parts.map(([row]) => t.rows[row].id);
    expect(named(ordered)).toEqual(named(table));
    expect(named(ordered)).toEqual(["medium", "micro", "large", "small"]);
    expect(ordered.rows[ordered.sums[0].total[0]].id).toBe("total");
    const csv = tableCsvRows(t, table, labels, "en");
    // Each row keeps its own count (medium 10, micro 11, large 12, small 13, total 14).
    expect(csv.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ["Micro (1–9 employees)", 11],
      ["Small (10–49 employees)", 13],
      ["Medium (50–249 employees)", 10],
      ["Large (250+ employees)", 12],
      ["Total", 14],
    ]);
  });

  test("other tables keep their order", () => {
    const table = breakdown("activity", ["2026-02", "2026-01"]);
    expect(inReadingOrder(translatorFor("sv"), table, labels, "sv")).toBe(table);
  });
});
