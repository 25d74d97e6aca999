import { describe, expect, test } from "vitest";
import type { StoredRecommendation } from "../../app/lib/core/recommendations";
import { buildResultsView, recommendationItems } from "../../app/lib/view/results-view";
import { loadDefinition } from "../helpers/definitions";

const dma = loadDefinition("dma-sme", "1.1.0");
const labels = { noneSelected: "none", notAnswered: "—" };

describe("buildResultsView", () => {
  // Worked by hand from the bands of dma-sme 1.1.0 (Basic ≤ 25 < Average ≤ 50 < Moderately
  // advanced ≤ 75 < Advanced), which apply to the unrounded score; people read it rounded.
  const stored = {
    overall: 41.6166667,
    band: "average",
    dimensions: {
      strategy: 25,
      readiness: 25.4,
      human: 49.5,
      data: 74.6,
      automation: 75.2,
      green: 0,
    },
  };
  const feedback = (band: string, dimension: string) =>
    dma.bands.find((b) => b.id === band)?.dimensionFeedback[dimension]?.sv;

  test("shows the overall score rounded, with the stored band, in the respondent's language", () => {
    const view = buildResultsView(dma, stored, {}, "sv", labels);
    expect(view.title).toBe("Digital mognadsmätning för små och medelstora företag");
    expect(view.overall).toBe(42);
    expect(view.band).toMatchObject({ id: "average", name: "Medel" });
    // In the definition's order.
    expect(view.dimensions.map((d) => d.id)).toEqual(Object.keys(stored.dimensions));
  });

  test.each([
    ["strategy", "Digital affärsstrategi", 25, "basic", "Grundläggande"],
    ["readiness", "Digital beredskap", 25, "average", "Medel"],
    ["human", "Människocentrerad digitalisering", 50, "average", "Medel"],
    ["data", "Datahantering och uppkoppling", 75, "moderately_advanced", "Måttligt avancerad"],
    ["automation", "Automation och artificiell intelligens", 75, "advanced", "Avancerad"],
    ["green", "Grön digitalisering", 0, "basic", "Grundläggande"],
  ])("%s: %s reads %i, in the band %s (%s)", (id, name, rounded, band, bandName) => {
    const view = buildResultsView(dma, stored, {}, "sv", labels);
    const dimension = view.dimensions.find((d) => d.id === id);
    expect(dimension).toEqual({
      id,
      name,
      score: stored.dimensions[id as keyof typeof stored.dimensions],
      rounded,
      bandName,
      feedback: feedback(band, id),
    });
    expect(dimension?.feedback).not.toBe("");
  });

  test("a dimension scoring 80 gets the advanced feedback even when the overall band is lower", () => {
    const view = buildResultsView(
      dma,
      {
        overall: 30,
        band: "average",
        dimensions: { strategy: 80, readiness: 10, human: 20, data: 20, automation: 20, green: 30 },
      },
      {},
      "en",
      labels,
    );
    const strategy = view.dimensions.find((d) => d.id === "strategy");
    expect(strategy?.feedback).toBe(
      dma.bands.find((b) => b.id === "advanced")?.dimensionFeedback.strategy.en,
    );
    expect(view.band.name).toBe("Average");
  });
});

describe("recommendationItems", () => {
  const stored = (rank: number, dimension: string): StoredRecommendation => ({
    rank,
    serviceId: `s${rank}`,
    category: "training",
    name: { sv: `Tjänst ${rank}`, en: `Service ${rank}` },
    description: { sv: "", en: "" },
    contact: {},
    reason: { sv: dimension, en: dimension },
    trigger: { kind: "dimension", dimension, score: 40 },
  });
  const recommendations = [stored(1, "data"), stored(2, "green"), stored(3, "strategy")];

  test("keeps the stored order when no reason lies in a strength", () => {
    expect(recommendationItems(recommendations, "en", ["human"]).map((r) => r.name)).toEqual([
      "Service 1",
      "Service 2",
      "Service 3",
    ]);
  });

  test("moves a reason in an area the page names a strength after the others, renumbered", () => {
    // The peers have moved since submission: data is a strength today.
    const items = recommendationItems(recommendations, "en", ["data"]);
    expect(items.map((r) => [r.rank, r.name])).toEqual([
      [1, "Service 2"],
      [2, "Service 3"],
      [3, "Service 1"],
    ]);
  });
});
