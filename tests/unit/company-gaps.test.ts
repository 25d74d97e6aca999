import { expect, test } from "vitest";
import { itemRooms } from "../../app/lib/core/item-gaps";
import { scoreAnswers } from "../../app/lib/core/scoring";
import type { Service, ServiceRule } from "../../app/lib/core/service-catalogue";
import { buildGaps, labelItems, type LabelledItem } from "../../app/lib/view/company-gaps";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";

const dims = [
  { id: "strategy", label: "Strategy", score: 60 },
  { id: "data", label: "Data", score: 50 },
  { id: "green", label: "Green", score: 100 },
  { id: "human", label: "Human", score: 45 },
];
const rec = (rank: number, dimension: string, weight: number) => ({
  rank,
  name: `Service ${rank}`,
  reason: `Reason ${rank}`,
  dimension,
  weight,
});
const item = (
  dimension: string,
  key: string,
  room: number,
  priorities: number[] = [],
): LabelledItem => ({
  dimension,
  key,
  label: `Item ${key}`,
  room,
  services: priorities.map((priority, i) => ({ name: `S${key}${i}`, priority })),
});

test("orders by gap × service weight; a full score has no gap", () => {
  const gaps = buildGaps(dims, [rec(1, "strategy", 120), rec(2, "strategy", 40)]);
  // strategy: 40 × (1 + 1.6) = 104; human: 55; data: 50.
  expect(gaps.map((g) => [g.id, Math.round(g.priority)])).toEqual([
    ["strategy", 104],
    ["human", 55],
    ["data", 50],
  ]);
  expect(gaps[0].services.map((s) => s.rank)).toEqual([1, 2]);
});

test("without recommendations the gap alone orders", () => {
  expect(buildGaps(dims, []).map((g) => g.id)).toEqual(["human", "data", "strategy"]);
});

test("a dimension's items are ordered by room × (1 + the priorities of their services)", () => {
  const gaps = buildGaps(
    dims,
    [],
    [
      item("data", "q7", 10), // 10
      item("data", "q8", 6, [2]), // 18
      item("data", "q9/1", 4, [1, 3]), // 20
      item("data", "q9/2", 0, [3]), // no room: left out
      item("human", "q5", 30), // another dimension's
      item("data", "q9/3", 5, [1]), // 10, ties with q7: by key
    ],
  );
  const data = gaps.find((g) => g.id === "data")!;
  expect(data.items.map((i) => [i.key, i.priority])).toEqual([
    ["q9/1", 20],
    ["q8", 18],
    ["q7", 10],
    ["q9/3", 10],
  ]);
  expect(data.items[0].services).toEqual(["Sq9/10", "Sq9/11"]);
  expect(gaps.find((g) => g.id === "human")!.items.map((i) => i.key)).toEqual(["q5"]);
  expect(gaps.find((g) => g.id === "strategy")!.items).toEqual([]);
});

const sme = loadDefinition("dma-sme", "1.1.0");

test("the rooms of a dimension's items add up to its gap", () => {
  const random = createRandom(11);
  for (let i = 0; i < 200; i++) {
    const answers = randomAnswers(sme, random);
    const scored = scoreAnswers(sme, answers);
    if (!scored.ok) throw new Error("random answers must score");
    const rooms = itemRooms("dma-sme", sme, answers, []);
    for (const d of sme.dimensions) {
      const sum = rooms.filter((r) => r.dimension === d.id).reduce((s, r) => s + r.room, 0);
      expect(sum).toBeCloseTo(100 - scored.value.dimensions[d.id], 6);
    }
    for (const r of rooms) expect(r.score).toBeLessThan(1);
  }
});

test("an item's services are those with a rule about that question or row", () => {
  const service = (id: string, priority: number, rules: ServiceRule[]): Service => ({
    id,
    category: "training",
    name: { sv: id, en: id },
    description: { sv: id, en: id },
    contact: { email: `${id}@example.se` },
    priority,
    rules,
  });
  const services = [
    service("row", 3, [{ definition: "dma-sme", question: "q9", row: "2", values: [0, 1] }]),
    service("choice", 2, [{ definition: "dma-sme", question: "q5", item: 1, selected: false }]),
    service("dimension", 3, [{ definition: "dma-sme", dimension: "automation", below: 90 }]),
    service("other", 1, [{ definition: "dma-pso", question: "q5", item: 1, selected: false }]),
  ];
  const answers = randomAnswers(sme, createRandom(3));
  answers.q5 = [];
  answers.q9 = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
  const rooms = itemRooms("dma-sme", sme, answers, services);
  const of = (question: string, row?: string) =>
    rooms.find((r) => r.question === question && r.row === row)!.services.map((s) => s.id);
  expect(of("q9", "2")).toEqual(["row"]);
  expect(of("q9", "1")).toEqual([]);
  expect(of("q5")).toEqual(["choice"]);

  const labelled = labelItems(sme, rooms, (id) => `Tjänst ${id}`, "sv");
  const row = labelled.find((l) => l.key === "q9/2")!;
  expect(row.question).toBe(labelled.find((l) => l.key === "q9/1")!.question);
  expect(row.label).not.toBe(row.question);
  expect(row.services).toEqual([{ name: "Tjänst row", priority: 3 }]);
  expect(labelled.find((l) => l.key === "q5")!.question).toBeUndefined();
});
