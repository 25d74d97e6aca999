import { describe, expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { buildFocusView, nextLevelSentence } from "../../app/lib/view/focus-view";
import { translate, type Dictionary } from "../../app/lib/view/translate";
import { loadDefinition } from "../helpers/definitions";
import { createRandom } from "../helpers/random-answers";

const dma = loadDefinition("dma-sme", "1.1.0");
const tEn = (key: string, v?: Record<string, string | number>) =>
  translate(en as unknown as Dictionary, key, v);
const tSv = (key: string, v?: Record<string, string | number>) =>
  translate(sv as unknown as Dictionary, key, v);

const dimensions = {
  strategy: 60,
  readiness: 40,
  human: 55,
  data: 20.4,
  automation: 12,
  green: 70,
};

describe("the three weakest areas", () => {
  test("without peers: the three lowest scores, lowest first, in plain words", () => {
    const view = buildFocusView(dma, { overall: 42.9, dimensions }, undefined, "en", tEn);
    expect(view.basis).toBe("areas");
    expect(view.weakest.map((w) => w.id)).toEqual(["automation", "data", "readiness"]);
    expect(view.weakest[1].sentence).toBe("Data management and connectedness: 20 of 100.");
  });

  test("with peers: furthest below the peers' median first, never an area above it", () => {
    const medians = { strategy: 40, readiness: 45, human: 80, data: 25, automation: 20, green: 50 };
    // Gaps: human 25, automation 8, readiness 5, data 4.6; strategy and green are above.
    const view = buildFocusView(dma, { overall: 42.9, dimensions }, medians, "sv", tSv);
    expect(view.basis).toBe("peers");
    expect(view.weakest.map((w) => w.id)).toEqual(["human", "automation", "readiness"]);
    expect(view.weakest[0].sentence).toBe(
      "Human-centric digitalisation: 55 av 100, 25 poäng under mitten av andra som liknar er.".replace(
        "Human-centric digitalisation",
        dma.dimensions.find((d) => d.id === "human")!.name.sv,
      ),
    );
  });

  test("with peers everywhere below the company: no weak area is invented", () => {
    const medians = Object.fromEntries(Object.keys(dimensions).map((id) => [id, 5]));
    const view = buildFocusView(dma, { overall: 42.9, dimensions }, medians, "en", tEn);
    expect(view.weakest).toEqual([]);
  });

  test("agrees with a sort written from the rule, on random scores and medians", () => {
    const random = createRandom(5);
    for (let run = 0; run < 200; run++) {
      const scores = Object.fromEntries(dma.dimensions.map((d) => [d.id, random() * 100]));
      const medians = Object.fromEntries(dma.dimensions.map((d) => [d.id, random() * 100]));
      const expected = dma.dimensions
        .map((d) => ({ id: d.id, gap: medians[d.id] - scores[d.id] }))
        .filter((d) => d.gap > 0)
        .sort((a, b) => b.gap - a.gap)
        .slice(0, 3)
        .map((d) => d.id);
      const view = buildFocusView(dma, { overall: 50, dimensions: scores }, medians, "en", tEn);
      expect(view.weakest.map((w) => w.id)).toEqual(expected);
    }
  });
});

describe("the points to the next level", () => {
  test.each([
    [0, "About 25 more points overall would take you to the next level: Average."],
    [20.3, "About 5 more points overall would take you to the next level: Average."],
    [25, "About 1 more point overall would take you to the next level: Average."],
    [25.1, "About 25 more points overall would take you to the next level: Moderately advanced."],
    [74.2, "About 1 more point overall would take you to the next level: Advanced."],
    [80, "You are at the highest level: Advanced."],
  ])("from %s", (overall, expected) => {
    expect(nextLevelSentence(dma, overall, "en", tEn)).toBe(expected);
  });
});

describe("the peer sentences of the lowest company", () => {
  test("say it is lower than the others, not “higher than 0 %”", async () => {
    const { buildPeerView } = await import("../../app/lib/view/peer-view");
    const stats = (percentile: number) => ({ median: 50, q1: 40, q3: 60, percentile });
    const group = {
      kind: "all" as const,
      value: "",
      shown: true as const,
      companies: 12,
      coarse: false,
      metrics: {
        overall: stats(0),
        ...Object.fromEntries(dma.dimensions.map((d, i) => [d.id, stats(i === 0 ? 0 : 25)])),
      },
    };
    const view = buildPeerView({ groups: [group], chosen: group, strengths: [] }, dma, "en", tEn);
    expect(view.overall).toBe("Your overall score is lower than the others among all companies.");
    expect(view.dimensions[0].sentence).toMatch(/^Lower than the others among all companies\./);
    expect(view.dimensions[1].sentence).toMatch(/^Higher than 25% of all companies\./);
    expect(JSON.stringify(view)).not.toContain("0 %");
  });
});
