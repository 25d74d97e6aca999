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
  ])("%o", (rule, message) => {
    const result = parseCatalogue(withRule(rule), versionsOf);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: "services[0].rules[0]", message: `service ${id}, rule 1: ${message}` },
    ]);
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
    expect(noContact.ok ? [] : noContact.problems).toEqual([
      { path: "services[0].contact", message: "needs an email or a url" },
    ]);
  });
});
