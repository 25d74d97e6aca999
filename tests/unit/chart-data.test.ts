import type { TooltipItem } from "chart.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ScoreTable } from "../../app/components/score-table";
import {
  barOptions,
  MEDIAN_MARK,
  progressBarChartHeight,
  scoreBarChartHeight,
  buildBarData,
  buildRadarData,
  describeScores,
  radarOptions,
  scoreChartInput,
  wrapLabel,
  type ScoreChartInput,
} from "../../app/lib/view/chart-data";
import { displayScore } from "../../app/lib/core/scoring";

const labels = { company: "You", peerMedian: "Median", peerRange: "Middle half" };

const alone: ScoreChartInput = {
  dimensions: [
    { id: "a", label: "Digital business strategy", score: 12.4 },
    { id: "b", label: "Data", score: 87.5 },
  ],
  labels,
};

const withPeers: ScoreChartInput = {
  dimensions: [
    {
      id: "a",
      label: "Digital business strategy",
      score: 12.4,
      peer: { median: 40.2, q1: 30.5, q3: 55.1 },
    },
    { id: "b", label: "Data", score: 87.5, peer: { median: 60, q1: 49.5, q3: 70.4 } },
  ],
  labels,
};

// The privacy floor can hide the peers of one dimension and not of another.
const somePeers: ScoreChartInput = {
  dimensions: [withPeers.dimensions[0], alone.dimensions[1]],
  labels,
};

const empty: ScoreChartInput = { dimensions: [], labels };

describe("buildRadarData", () => {
  test.each([
    ["no peers", alone, [["You", [12.4, 87.5]]]],
    [
      "peers everywhere",
      withPeers,
      [
        ["You", [12.4, 87.5]],
        ["Median", [40.2, 60]],
      ],
    ],
    [
      "peers for some dimensions",
      somePeers,
      [
        ["You", [12.4, 87.5]],
        ["Median", [40.2, null]],
      ],
    ],
    ["no dimensions", empty, [["You", []]]],
  ])("%s: one series per shown group, unrounded", (_case, input, series) => {
    const data = buildRadarData(input);
    expect(data.datasets.map((d) => [d.label, d.data])).toEqual(series);
    expect(data.labels).toHaveLength(input.dimensions.length);
  });

  test("the peer series differs from the company's without colour: dashed, other points", () => {
    const [company, peer] = buildRadarData(withPeers).datasets;
    expect(company.borderDash ?? []).toEqual([]);
    expect(peer.borderDash).toEqual([6, 4]);
    expect(peer.pointStyle).not.toEqual(company.pointStyle);
    expect(peer.fill).toBe(false);
  });
});

describe("buildBarData", () => {
  test.each([
    ["no peers", alone, [["You", [12.4, 87.5]]]],
    [
      "peers everywhere",
      withPeers,
      [
        ["You", [12.4, 87.5]],
        [
          "Median",
          [
            [39.6, 40.8],
            [59.4, 60.6],
          ],
        ],
        [
          "Middle half",
          [
            [30.5, 55.1],
            [49.5, 70.4],
          ],
        ],
      ],
    ],
    [
      "peers for some dimensions",
      somePeers,
      [
        ["You", [12.4, 87.5]],
        ["Median", [[39.6, 40.8], null]],
        ["Middle half", [[30.5, 55.1], null]],
      ],
    ],
  ])(
    "%s: scores, the q1–q3 range as floating bars, the median marked on it",
    (_c, input, series) => {
      const data = buildBarData(input);
      const rounded = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(rounded) : typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v;
      expect(data.datasets.map((d) => [d.label, rounded(d.data)])).toEqual(series);
    },
  );

  test("the median's mark shares the range's slot, beside the company's bar, and stays in 0–100", () => {
    const [company, median, range] = buildBarData(withPeers).datasets;
    expect(company.stack).toBeUndefined();
    expect(median.stack).toBe(range.stack);
    expect(median.stack).toBeDefined();
    // Bars of one stack share a slot only while the values are not added up.
    expect(barOptions(withPeers, { reducedMotion: false }).scales?.x).toMatchObject({
      stacked: false,
    });
    const edges = buildBarData({
      labels,
      dimensions: [0, 100].map((m, i) => ({
        id: `${i}`,
        label: "x",
        score: 1,
        peer: { median: m, q1: m, q3: m },
      })),
    }).datasets[1].data;
    expect(edges).toEqual([
      [0, MEDIAN_MARK],
      [100 - MEDIAN_MARK, 100],
    ]);
  });
});

describe("wrapLabel", () => {
  test.each([
    ["Data", 18, ["Data"]],
    ["Digital business strategy", 18, ["Digital business", "strategy"]],
    [
      "Automation and artificial intelligence",
      18,
      ["Automation and", "artificial", "intelligence"],
    ],
    ["Människocentrerad digitalisering", 10, ["Människocentrerad", "digitalisering"]],
    ["  Two   spaces ", 18, ["Two spaces"]],
    ["", 18, [""]],
  ])("%j at %i characters", (label, max, lines) => {
    expect(wrapLabel(label, max)).toEqual(lines);
  });

  test("both charts wrap the dimension names on their axis", () => {
    const wrapped = [["Digital business", "strategy"], ["Data"]];
    expect(buildRadarData(alone).labels).toEqual(wrapped);
    expect(buildBarData(alone).labels).toEqual(wrapped);
  });
});

describe("options", () => {
  test.each([
    ["radar", radarOptions(alone, { reducedMotion: false }).scales?.r],
    ["bar", barOptions(alone, { reducedMotion: false }).scales?.x],
  ])("%s: 0–100 with ticks at the band edges", (_chart, scale) => {
    expect(scale).toMatchObject({ min: 0, max: 100, ticks: { stepSize: 25 } });
  });

  test.each([
    [true, false],
    [false, undefined],
  ])("reduced motion %s: animation %s", (reducedMotion, animation) => {
    expect(radarOptions(alone, { reducedMotion }).animation).toBe(animation);
    expect(barOptions(alone, { reducedMotion }).animation).toBe(animation);
  });

  test.each([
    ["no peers", alone, false],
    ["peers", withPeers, true],
    ["some peers", somePeers, true],
  ])("%s: legend shown %s", (_case, input, shown) => {
    const radar = radarOptions(input, { reducedMotion: false });
    const bar = barOptions(input, { reducedMotion: false });
    expect(radar.plugins?.legend?.display).toBe(shown);
    expect(bar.plugins?.legend?.display).toBe(shown);
  });

  test("on a phone the radar numbers its axes, leaving the radar the room; wider, it names them", () => {
    const narrow = radarOptions(withPeers, { reducedMotion: false, narrow: true }).scales?.r;
    const callback = narrow?.pointLabels?.callback as (label: string, index: number) => string;
    expect([0, 1].map((i) => callback(withPeers.dimensions[i].label, i))).toEqual(["1", "2"]);
    const wide = radarOptions(withPeers, { reducedMotion: false }).scales?.r;
    expect(wide?.pointLabels?.callback).toBeUndefined();
  });

  test("bars are horizontal", () => {
    expect(barOptions(alone, { reducedMotion: false }).indexAxis).toBe("y");
  });
});

describe("tooltips", () => {
  type Item = Pick<TooltipItem<"bar">, "raw" | "dataIndex"> & { dataset: { label: string } };
  const radar = radarOptions(withPeers, { reducedMotion: false }).plugins?.tooltip;
  const bar = barOptions(withPeers, { reducedMotion: false }).plugins?.tooltip;

  // Calls a tooltip callback as Chart.js would, with the only fields the callbacks read.
  const call = (fn: unknown, arg: unknown) => {
    expect(fn).toBeTypeOf("function");
    return (fn as (arg: unknown) => unknown)(arg);
  };

  test.each([
    ["radar, company", radar, { dataset: { label: "You" }, raw: 12.4, dataIndex: 0 }, "You: 12"],
    [
      "radar, median",
      radar,
      { dataset: { label: "Median" }, raw: 40.5, dataIndex: 0 },
      "Median: 41",
    ],
    ["bar, company", bar, { dataset: { label: "You" }, raw: 87.5, dataIndex: 1 }, "You: 88"],
    [
      "bar, peer median (its mark's ends are not the median)",
      bar,
      { dataset: { label: "Median" }, raw: [39.6, 40.8], dataIndex: 0 },
      "Median: 40",
    ],
    [
      "bar, peer range",
      bar,
      { dataset: { label: "Middle half" }, raw: [30.5, 55.1], dataIndex: 0 },
      "Middle half: 31–55",
    ],
  ])("%s: whole numbers", (_case, tooltip, item: Item, text) => {
    expect(call(tooltip?.callbacks?.label, item)).toBe(text);
  });

  test.each([
    ["radar", radar],
    ["bar", bar],
  ])("%s: the title is the whole dimension name, not the wrapped one", (_chart, tooltip) => {
    expect(call(tooltip?.callbacks?.title, [{ dataIndex: 0, raw: 1 }])).toBe(
      "Digital business strategy",
    );
  });

  test.each([
    [null, false],
    [12, true],
    [[1, 2], true],
  ])("a point with value %j is in the tooltip: %s", (raw, shown) => {
    expect(call(bar?.filter, { raw })).toBe(shown);
  });
});

describe("scoreBarChartHeight", () => {
  test.each([
    ["no dimensions", empty, 10],
    ["two, no peers", alone, 10],
    ["two, with peers", withPeers, 12],
    [
      "six, no peers",
      {
        labels,
        dimensions: Array.from({ length: 6 }, (_, i) => ({ ...alone.dimensions[0], id: `${i}` })),
      },
      18,
    ],
  ])("%s: %i rem", (_case, input, rem) => {
    expect(scoreBarChartHeight(input)).toBe(rem);
  });

  test("the progress chart: the earlier bar and today's for each of seven rows", () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({
      id: `${i}`,
      name: "x",
      before: 1,
      now: 2,
    }));
    expect(progressBarChartHeight({ rows, labels: { before: "Then", now: "Now" } })).toBe(29.5);
  });
});

describe("describeScores", () => {
  test.each([
    ["no peers", alone, "Digital business strategy: 12. Data: 88."],
    [
      "peers",
      withPeers,
      "Digital business strategy: 12 (Median: 40; Middle half: 31–55). Data: 88 (Median: 60; Middle half: 50–70).",
    ],
    [
      "some peers",
      somePeers,
      "Digital business strategy: 12 (Median: 40; Middle half: 31–55). Data: 88.",
    ],
    ["no dimensions", empty, ""],
  ])("%s", (_case, input, text) => {
    expect(describeScores(input)).toBe(text);
  });
});

describe("ScoreTable", () => {
  const headers = { dimension: "Area", score: "Score", peerMedian: "Median", peerRange: "Range" };

  /** The table as a reader sees it: caption, then each row's cells, in order. */
  function readTable(input: ScoreChartInput): { caption: string; rows: string[][] } {
    const html = renderToStaticMarkup(
      createElement(ScoreTable, { input, caption: "Scores, 0–100", headers }),
    );
    const text = (cell: string) => cell.replace(/<[^>]+>/g, "");
    return {
      caption: text(/<caption>(.*?)<\/caption>/.exec(html)?.[1] ?? ""),
      rows: [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
        [...row[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => text(cell[1])),
      ),
    };
  }

  test.each([
    [
      "no peers",
      alone,
      [
        ["Area", "Score"],
        ["Digital business strategy", "12"],
        ["Data", "88"],
      ],
    ],
    [
      "peers",
      withPeers,
      // The last column is the phone's: the median and the range in one.
      [
        ["Area", "Score", "Median", "Range", "Median (range)"],
        ["Digital business strategy", "12", "40", "31–55", "40 (31–55)"],
        ["Data", "88", "60", "50–70", "60 (50–70)"],
      ],
    ],
    [
      "some peers",
      somePeers,
      [
        ["Area", "Score", "Median", "Range", "Median (range)"],
        ["Digital business strategy", "12", "40", "31–55", "40 (31–55)"],
        ["Data", "88", "–", "–", "–"],
      ],
    ],
  ])("%s: the charts' numbers, rounded the same way", (_case, input, rows) => {
    expect(readTable(input)).toEqual({ caption: "Scores, 0–100", rows });
  });
});

test("an exact 57.5 that floating point holds as 57.49999999999999 reads 58 everywhere", () => {
  // (9/10 + 4/16) / 2 × 100 = 57.5 on paper: a PSO strategy score, as the engine computes it.
  const score = ((9 / 10 + (4 * 0.5) / 8) / 2) * 100;
  expect(score).toBeLessThan(57.5);
  const input: ScoreChartInput = { dimensions: [{ id: "a", label: "Strategy", score }], labels };
  expect(displayScore(score)).toBe(58);
  expect(describeScores(input)).toBe("Strategy: 58.");
  const html = renderToStaticMarkup(
    createElement(ScoreTable, {
      input,
      caption: "Scores",
      headers: { dimension: "Area", score: "Score", peerMedian: "Median", peerRange: "Range" },
    }),
  );
  expect(html).toContain(">58<");
});

describe("scoreChartInput", () => {
  const dimension = (id: string, name: string, score: number) => ({
    id,
    name,
    score,
    rounded: Math.round(score),
    bandName: "",
    feedback: "",
  });
  const peer = (id: string, median: number, q1: number, q3: number) => ({
    id,
    name: id,
    sentence: "",
    peer: { median, q1, q3 },
  });

  test("keeps the results' order and gives each dimension its own peers, where they are known", () => {
    const input = scoreChartInput(
      {
        dimensions: [
          dimension("strategy", "Digital business strategy", 12.4),
          dimension("data", "Data management", 87.5),
          dimension("green", "Green digitalisation", 50),
        ],
      },
      { dimensions: [peer("data", 60, 49.5, 70.4), peer("strategy", 40.2, 30.5, 55.1)] },
      labels,
    );
    expect(input).toEqual({
      dimensions: [
        {
          id: "strategy",
          label: "Digital business strategy",
          score: 12.4,
          peer: { median: 40.2, q1: 30.5, q3: 55.1 },
        },
        {
          id: "data",
          label: "Data management",
          score: 87.5,
          peer: { median: 60, q1: 49.5, q3: 70.4 },
        },
        { id: "green", label: "Green digitalisation", score: 50, peer: undefined },
      ],
      labels: { company: "You", peerMedian: "Median", peerRange: "Middle half" },
    });
  });

  test("without a peer group, no dimension has peers", () => {
    const input = scoreChartInput(
      { dimensions: [dimension("data", "Data", 20)] },
      { dimensions: [] },
      labels,
    );
    expect(input.dimensions).toEqual([{ id: "data", label: "Data", score: 20, peer: undefined }]);
  });
});
