import { describe, expect, test } from "vitest";
import { buildResultsView } from "../../app/lib/view/results-view";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";

const dma = loadDefinition("dma-sme", "1.1.0");
const labels = { noneSelected: "none", notAnswered: "—" };

describe("buildResultsView", () => {
  test.each([1, 2, 3, 4, 5])(
    "shows the stored scores rounded, with matching bands (seed %i)",
    (seed) => {
      const answers = randomAnswers(dma, createRandom(seed));
      const scored = scoreAnswers(dma, answers);
      if (!scored.ok) throw new Error("must score");
      const view = buildResultsView(dma, scored.value, answers, "sv", labels);
      expect(view.overall).toBe(Math.round(scored.value.overall));
      expect(view.band.id).toBe(scored.value.band);
      expect(view.band.name).toBe(dma.bands.find((b) => b.id === scored.value.band)?.name.sv);
      expect(view.dimensions.map((d) => d.id)).toEqual(dma.dimensions.map((d) => d.id));
      for (const d of view.dimensions) {
        expect(d.rounded).toBe(Math.round(scored.value.dimensions[d.id]));
        expect(d.feedback).not.toBe("");
      }
    },
  );

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
