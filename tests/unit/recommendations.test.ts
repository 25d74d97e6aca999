import { describe, expect, test } from "vitest";
import type { Answers } from "../../app/lib/core/answers";
import {
  ANSWER_MIN_GAP,
  MAX_RECOMMENDATIONS,
  recommend,
  SHOWN_RECOMMENDATIONS,
  type RecommendInput,
} from "../../app/lib/core/recommendations";
import type { Service, ServiceRule } from "../../app/lib/core/service-catalogue";
import { loadDefinition } from "../helpers/definitions";

const dma = loadDefinition("dma-sme", "1.1.0");
const pso = loadDefinition("dma-pso", "1.0.0");
const psoScores = {
  strategy: 60,
  readiness: 60,
  human: 60,
  data: 60,
  interoperability: 60,
  green: 60,
};

function service(id: string, rules: ServiceRule[], priority = 2): Service {
  return {
    id,
    category: "training",
    name: { sv: `Tjänst ${id}`, en: `Service ${id}` },
    description: { sv: "Beskrivning", en: "Description" },
    contact: { email: `${id}@example.se` },
    priority,
    rules,
  };
}

const dimension = (id: string, below: number): ServiceRule => ({
  definition: "dma-sme",
  dimension: id,
  below,
});

const scores = (overrides: Record<string, number> = {}) => ({
  strategy: 60,
  readiness: 60,
  human: 60,
  data: 60,
  automation: 60,
  green: 60,
  ...overrides,
});

function input(overrides: Partial<RecommendInput>): RecommendInput {
  return {
    definitionId: "dma-sme",
    definition: dma,
    dimensions: scores(),
    answers: {},
    services: [],
    ...overrides,
  };
}

describe("the recommendation engine", () => {
  test("a dimension rule holds below its threshold only", () => {
    const services = [service("data-training", [dimension("data", 60)])];
    expect(recommend(input({ services, dimensions: scores({ data: 59.9 }) }))).toHaveLength(1);
    expect(recommend(input({ services, dimensions: scores({ data: 60 }) }))).toHaveLength(0);
  });

  test("ranks by gap × priority: the larger gap to the threshold, the next band or the peers", () => {
    const services = [
      service("strategy-workshop", [dimension("strategy", 50)], 1),
      service("data-training", [dimension("data", 50)], 3),
    ];
    const ranked = recommend(input({ services, dimensions: scores({ strategy: 10, data: 45 }) }));
    // strategy: max(40 to the threshold, 15 to the next band) × 1 = 40; data: 5 × 3 = 15.
    expect(ranked.map((r) => [r.service.id, r.weight])).toEqual([
      ["strategy-workshop", 40],
      ["data-training", 15],
    ]);
    // Peers whose median is far above move data up: (70 − 45) × 3 = 75.
    const withPeers = recommend(
      input({
        services,
        dimensions: scores({ strategy: 10, data: 45 }),
        peers: { kind: "sector", value: "manufacturing", medians: { data: 70, strategy: 20 } },
      }),
    );
    expect(withPeers.map((r) => [r.service.id, r.weight])).toEqual([
      ["data-training", 75],
      ["strategy-workshop", 40],
    ]);
    expect(withPeers[0].trigger).toMatchObject({
      kind: "dimension",
      peerMedian: 70,
      peerGroup: { kind: "sector", value: "manufacturing" },
    });
    // Strategy (10) is below its peers' median of 20 too; a median below the score is not named.
    expect(withPeers[1].trigger).toMatchObject({ peerMedian: 20 });
  });

  test("an answer rule holds on the specific answer, with at least the minimum gap", () => {
    const backup: ServiceRule = { definition: "dma-sme", question: "q8", item: 5, selected: false };
    const services = [service("cyber-check", [backup], 3)];
    const without: Answers = { q8: [1, 2, 3] };
    const ranked = recommend(
      input({ services, answers: without, dimensions: scores({ data: 90 }) }),
    );
    expect(ranked).toHaveLength(1);
    expect(ranked[0].trigger).toEqual({
      kind: "choice",
      dimension: "data",
      question: "q8",
      item: 5,
      selected: false,
    });
    expect(ranked[0].weight).toBe(ANSWER_MIN_GAP * 3);
    expect(recommend(input({ services, answers: { q8: [5] } }))).toHaveLength(0);
  });

  test("a grid rule holds when the row has one of the values", () => {
    const energy: ServiceRule = {
      definition: "dma-sme",
      question: "q11",
      row: "4",
      values: ["no", "partially"],
    };
    const services = [service("energy-pilot", [energy])];
    expect(recommend(input({ services, answers: { q11: { "4": "partially" } } }))).toHaveLength(1);
    expect(recommend(input({ services, answers: { q11: { "4": "yes" } } }))).toHaveLength(0);
  });

  test.each<[string, Answers, boolean, boolean]>([
    // No answer at all (only possible before submission) triggers nothing.
    ["a missing answer", {}, false, false],
    ["a missing row", { q9: { "2": { implemented: true } } }, true, false],
    ["an unticked cell", { q9: { "1": { implemented: false, planned: true } } }, true, false],
    ["a ticked cell", { q9: { "1": { implemented: true } } }, false, true],
  ])("a tick grid's cell rule on %s: not ticked %s, ticked %s", (_, answers, notTicked, ticked) => {
    const rule = (t: boolean): ServiceRule => ({
      definition: "dma-pso",
      question: "q9",
      row: "1",
      column: "implemented",
      ticked: t,
    });
    const run = (t: boolean) =>
      recommend({
        definitionId: "dma-pso",
        definition: pso,
        dimensions: psoScores,
        // A missing answer is no answer at all: it triggers nothing.
        answers,
        services: [service("open-data", [rule(t)])],
      });
    const expectHeld = (t: boolean, held: boolean) =>
      expect(run(t).map((r) => r.trigger)).toEqual(
        held
          ? [
              {
                kind: "cell",
                dimension: "interoperability",
                question: "q9",
                row: "1",
                column: "implemented",
                ticked: t,
              },
            ]
          : [],
      );
    expectHeld(false, notTicked && Object.keys(answers).length > 0);
    expectHeld(true, ticked);
  });

  test("rules of another questionnaire never hold", () => {
    const services = [
      service("x", [{ definition: "smart-industry", dimension: "data", below: 90 }]),
    ];
    expect(recommend(input({ services, dimensions: scores({ data: 10 }) }))).toEqual([]);
  });

  test("every weak dimension gets a service the catalogue has for it, even below no threshold", () => {
    const services = [
      service("green-programme", [dimension("green", 30)]),
      service("cyber-check", [{ definition: "dma-sme", question: "q8", item: 5, selected: false }]),
    ];
    // green 45 is weak (≤ 50) but above the rule's 30; data 40 is weak and only an answer rule names q8.
    const ranked = recommend(
      input({ services, dimensions: scores({ green: 45, data: 40 }), answers: { q8: [5] } }),
    );
    expect(ranked.map((r) => [r.service.id, r.trigger.dimension])).toEqual([
      ["cyber-check", "data"],
      ["green-programme", "green"],
    ]);
    expect(ranked[1].trigger).toEqual({ kind: "dimension", dimension: "green", score: 45 });
  });

  test("the shown few make room for each weak dimension before stronger ones' extras", () => {
    const services = [
      ...Array.from({ length: 6 }, (_, i) =>
        service(`strategy-${i}`, [dimension("strategy", 100)], 3),
      ),
      service("green-programme", [dimension("green", 60)], 1),
    ];
    const ranked = recommend(input({ services, dimensions: scores({ strategy: 5, green: 49 }) }));
    const shown = ranked.slice(0, SHOWN_RECOMMENDATIONS).map((r) => r.service.id);
    expect(shown).toContain("green-programme");
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
    // Within the shown few and within the rest, the order is by weight.
    const weights = ranked.slice(0, SHOWN_RECOMMENDATIONS).map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  test("keeps at most MAX_RECOMMENDATIONS, yet a service for every weak dimension", () => {
    const services = [
      ...Array.from({ length: 12 }, (_, i) =>
        service(`strategy-${i}`, [dimension("strategy", 100)], 3),
      ),
      ...["readiness", "human", "data", "automation", "green"].map((d) =>
        service(`${d}-service`, [dimension(d, 60)], 1),
      ),
    ];
    const ranked = recommend(
      input({
        services,
        dimensions: scores({
          strategy: 1,
          readiness: 45,
          human: 46,
          data: 47,
          automation: 48,
          green: 49,
        }),
      }),
    );
    expect(ranked).toHaveLength(MAX_RECOMMENDATIONS);
    const covered = new Set(ranked.map((r) => r.trigger.dimension));
    expect([...covered].sort()).toEqual([
      "automation",
      "data",
      "green",
      "human",
      "readiness",
      "strategy",
    ]);
  });

  test("a strength against the peers is never a dimension's reason, nor a weak one", () => {
    const services = [service("data-training", [dimension("data", 75)])];
    // 70 is under the rule's 75 and in Moderately advanced, but 15 above the peers' 55.
    const peers = { kind: "sector" as const, value: "manufacturing", medians: { data: 55 } };
    expect(recommend(input({ services, dimensions: scores({ data: 70 }) }))).toHaveLength(1);
    expect(recommend(input({ services, dimensions: scores({ data: 70 }), peers }))).toEqual([]);
    // 40 is weak (≤ WEAK_SCORE), yet a strength against peers at 25: no service is added.
    const weakOnly = [service("data-coaching", [dimension("data", 10)])];
    const low = { ...peers, medians: { data: 25 } };
    expect(recommend(input({ services: weakOnly, dimensions: scores({ data: 40 }) }))).toHaveLength(
      1,
    );
    expect(
      recommend(input({ services: weakOnly, dimensions: scores({ data: 40 }), peers: low })),
    ).toEqual([]);
  });

  test("an answer in a strength comes after every other area's service, whatever its weight", () => {
    const backup: ServiceRule = { definition: "dma-sme", question: "q8", item: 5, selected: false };
    const services = [
      service("cyber-check", [backup], 3),
      service("strategy-workshop", [dimension("strategy", 65)], 1),
    ];
    const answers: Answers = { q8: [1, 2, 3] };
    const dimensions = scores({ data: 90, strategy: 60 });
    // Without peers: the missing backup (10 × 3) outweighs strategy (15 to the next band × 1).
    expect(recommend(input({ services, answers, dimensions })).map((r) => r.service.id)).toEqual([
      "cyber-check",
      "strategy-workshop",
    ]);
    // Data 90 against peers at 60 is a strength: its answer no longer leads.
    const peers = { kind: "sector" as const, value: "ict", medians: { data: 60, strategy: 60 } };
    const ranked = recommend(input({ services, answers, dimensions, peers }));
    expect(ranked.map((r) => [r.rank, r.service.id])).toEqual([
      [1, "strategy-workshop"],
      [2, "cyber-check"],
    ]);
  });

  test("a service triggered in a strength and in another area gives the other area's reason", () => {
    const backup: ServiceRule = { definition: "dma-sme", question: "q8", item: 5, selected: false };
    const services = [service("cyber-check", [backup, dimension("strategy", 72)], 3)];
    const peers = { kind: "sector" as const, value: "ict", medians: { data: 60, strategy: 70 } };
    // The backup weighs 10 × 3, strategy 5 to the next band × 3: yet strategy is the reason.
    const [first] = recommend(
      input({
        services,
        answers: { q8: [1] },
        dimensions: scores({ data: 90, strategy: 70 }),
        peers,
      }),
    );
    expect(first.trigger).toMatchObject({ kind: "dimension", dimension: "strategy" });
  });

  test("is deterministic", () => {
    const services = [service("a", [dimension("data", 60)]), service("b", [dimension("data", 60)])];
    const run = () => recommend(input({ services, dimensions: scores({ data: 30 }) }));
    expect(run()).toEqual(run());
    expect(run().map((r) => r.service.id)).toEqual(["a", "b"]);
  });
});
