import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import {
  isDimensionRule,
  parseCatalogue,
  SERVICE_CATEGORIES,
  type ServiceRule,
} from "../../app/lib/core/service-catalogue";
import { DEFINITIONS_DIR } from "../helpers/definitions";

const registry = loadDefinitionRegistry(DEFINITIONS_DIR);
const versionsOf = (id: string) =>
  (registry.list().find((d) => d.id === id)?.versions ?? []).map((version) => ({
    version,
    definition: registry.get(id, version)!.definition,
  }));

const catalogueJson = JSON.parse(readFileSync("db/catalogue/services.json", "utf8")) as {
  hub: unknown;
  services: Record<string, unknown>[];
};

function withRule(rule: Record<string, unknown>) {
  const [first] = catalogueJson.services;
  return { ...catalogueJson, services: [{ ...first, rules: [rule] }] };
}

describe("the hub's service catalogue", () => {
  const parsed = parseCatalogue(catalogueJson, versionsOf);

  test("is valid against every published definition version", () => {
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  test("has at least 12 services, in all four categories, covering every DMA dimension", () => {
    if (!parsed.ok) throw new Error("invalid catalogue");
    const services = parsed.value.services;
    expect(services.length).toBeGreaterThanOrEqual(12);
    for (const category of SERVICE_CATEGORIES) {
      expect(services.filter((s) => s.category === category).length).toBeGreaterThanOrEqual(3);
    }
    const dma = registry.latest("dma-sme")!.definition;
    for (const dimension of dma.dimensions) {
      const rules = services.flatMap((s) => s.rules as ServiceRule[]);
      expect(
        rules.some(
          (r) => r.definition === "dma-sme" && isDimensionRule(r) && r.dimension === dimension.id,
        ),
        dimension.id,
      ).toBe(true);
    }
  });
});

describe("the public sector services", () => {
  const parsed = parseCatalogue(catalogueJson, versionsOf);
  const services = parsed.ok ? parsed.value.services : [];
  const forPso = services.filter((s) => s.rules.some((r) => r.definition === "dma-pso"));

  test("are at least 8, in all four categories, and each rule is about dma-pso only", () => {
    expect(forPso.length).toBeGreaterThanOrEqual(8);
    expect(new Set(forPso.map((s) => s.category))).toEqual(new Set(SERVICE_CATEGORIES));
    for (const service of forPso) {
      expect(service.rules.map((r) => r.definition)).toEqual(service.rules.map(() => "dma-pso"));
    }
  });

  test("have a dimension rule for every dma-pso dimension, interoperability among them", () => {
    const pso = registry.latest("dma-pso")!.definition;
    const dimensions = forPso
      .flatMap((s) => s.rules)
      .filter(isDimensionRule)
      .map((r) => r.dimension);
    expect(pso.dimensions.map((d) => d.id).filter((id) => !dimensions.includes(id))).toEqual([]);
    expect(dimensions).toContain("interoperability");
  });
});

describe("a catalogue rule is refused, naming the service and the rule, when", () => {
  const id = catalogueJson.services[0].id;
  test.each([
    [{ definition: "nope", dimension: "data", below: 50 }, "no published definition nope"],
    [
      { definition: "dma-sme", dimension: "nope", below: 50 },
      "dma-sme@1.0.0, 1.1.0 has no dimension nope",
    ],
    [
      { definition: "dma-sme", question: "q99", item: 1, selected: false },
      "dma-sme@1.0.0, 1.1.0 has no question q99",
    ],
    [
      { definition: "dma-sme", question: "q8", item: 7, selected: false },
      "dma-sme@1.0.0, 1.1.0 question q8 has no item 7",
    ],
    [
      { definition: "dma-sme", question: "q4", item: 1, selected: false },
      "dma-sme@1.0.0, 1.1.0 question q4 is not a checkbox question",
    ],
    [
      { definition: "dma-sme", question: "q11", row: "9", values: ["no"] },
      "dma-sme@1.0.0, 1.1.0 question q11 has no row 9",
    ],
    [
      { definition: "dma-sme", question: "q11", row: "4", values: ["never"] },
      "dma-sme@1.0.0, 1.1.0 question q11 has no column never",
    ],
    [
      { definition: "dma-sme", question: "q8", row: "1", values: ["no"] },
      "dma-sme@1.0.0, 1.1.0 question q8 is not a single-choice grid",
    ],
    // Rules written for one DMA form and pointed at the other: the numbers do not match.
    [
      { definition: "dma-pso", question: "q9", row: "2", values: [0, 1] },
      "dma-pso@1.0.0 question q9 is not a single-choice grid",
    ],
    [
      { definition: "dma-sme", question: "q9", row: "1", column: "implemented", ticked: false },
      "dma-sme@1.0.0, 1.1.0 question q9 is not a tick grid",
    ],
    [
      { definition: "dma-pso", question: "q7", item: 10, selected: false },
      "dma-pso@1.0.0 question q7 has no item 10",
    ],
    [
      { definition: "dma-pso", dimension: "automation", below: 50 },
      "dma-pso@1.0.0 has no dimension automation",
    ],
    [
      { definition: "dma-pso", question: "q9", row: "17", column: "implemented", ticked: false },
      "dma-pso@1.0.0 question q9 has no row 17",
    ],
    [
      { definition: "dma-pso", question: "q2", row: "1", column: "implemented", ticked: false },
      "dma-pso@1.0.0 question q2 has no column implemented",
    ],
  ])("%o", (rule, message) => {
    const result = parseCatalogue(withRule(rule), versionsOf);
    expect(
      result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message })),
    ).toEqual([{ path: "services[0].rules[0]", message: `service ${id}, rule 1: ${message}` }]);
  });

  test("a service is listed twice, or has no way to be contacted", () => {
    const [first] = catalogueJson.services;
    const twice = parseCatalogue({ ...catalogueJson, services: [first, first] }, versionsOf);
    expect(twice.ok ? [] : twice.problems.map((p) => p.message)).toEqual([
      `service ${id} is listed twice`,
    ]);
    const noContact = parseCatalogue(
      { ...catalogueJson, services: [{ ...first, contact: {} }] },
      versionsOf,
    );
    expect(
      noContact.ok ? [] : noContact.problems.map(({ path, message }) => ({ path, message })),
    ).toEqual([{ path: "services[0].contact", message: "needs an email or a url" }]);
  });
});
