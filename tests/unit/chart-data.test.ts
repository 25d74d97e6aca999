import { describe, expect, test } from "vitest";
import {
  barOptions,
  buildBarData,
  buildRadarData,
  describeScores,
  radarOptions,
  type ScoreChartInput,
} from "../../app/lib/chart-data";

const labels = { company: "You", peerMedian: "Median", peerRange: "Middle half" };
const alone: ScoreChartInput = {
  dimensions: [
    { id: "a", label: "A", score: 12.4 },
    { id: "b", label: "B", score: 87.6 },
  ],
  labels,
};
const withPeers: ScoreChartInput = {
  dimensions: [
    { id: "a", label: "A", score: 12.4, peer: { median: 40.2, q1: 30.5, q3: 55.1 } },
    { id: "b", label: "B", score: 87.6 },
  ],
  labels,
};

describe("chart data", () => {
  test.each([
    ["without peers", alone, [[12, 88]]],
    [
      "with peers",
      withPeers,
      [
        [12, 88],
        [40, Number.NaN],
      ],
    ],
  ])("radar %s", (_label, input, series) => {
    const data = buildRadarData(input);
    expect(data.labels).toEqual(["A", "B"]);
    expect(data.datasets.map((d) => d.data)).toEqual(series);
  });

  test.each([
    ["without peers", alone, 1],
    ["with peers", withPeers, 2],
  ])("bar %s has %i series", (_label, input, count) => {
    const data = buildBarData(input);
    expect(data.datasets).toHaveLength(count);
    expect(data.datasets[0].data).toEqual([12, 88]);
    if (count === 2) expect(data.datasets[1].data[0]).toEqual([31, 55]);
  });

  test.each([true, false])(
    "options keep 0–100 with ticks at the band edges (reduced motion %s)",
    (reduced) => {
      const radar = radarOptions({ reducedMotion: reduced });
      const bar = barOptions({ reducedMotion: reduced });
      expect(radar.scales?.r).toMatchObject({ min: 0, max: 100, ticks: { stepSize: 25 } });
      expect(bar.scales?.x).toMatchObject({ min: 0, max: 100, ticks: { stepSize: 25 } });
      expect(radar.animation === false).toBe(reduced);
    },
  );

  test("describes the numbers for an accessible name", () => {
    expect(describeScores(alone)).toBe("A: 12, B: 88");
  });
});
