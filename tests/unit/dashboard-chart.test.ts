import { describe, expect, test } from "vitest";
import type { PanelTable } from "../../app/lib/core/dashboard";
import {
  chartOf,
  inReadingOrder,
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
