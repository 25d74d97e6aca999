import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Answers } from "../../app/lib/core/answers";
import { majorOf, type SurveyDefinition } from "../../app/lib/core/definitions";
import { itemRooms } from "../../app/lib/core/item-gaps";
import { previousAssessmentOf } from "../../app/lib/core/next-assessments";
import { recommend } from "../../app/lib/core/recommendations";
import { scoreAnswers, type Score } from "../../app/lib/core/scoring";
import { parseCatalogue } from "../../app/lib/core/service-catalogue";
import { labelItems } from "../../app/lib/view/company-gaps";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { DEFINITIONS_DIR, loadDefinition, readDefinitionJson } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";

const v100 = loadDefinition("smart-industry", "1.0.0");
const v101 = loadDefinition("smart-industry", "1.0.1");

interface Element {
  type: string;
  name: string;
  title: Record<string, string>;
  displayMode?: string;
  rows: { value: string; text: Record<string, string> }[];
}
const elements = (version: string) =>
  (
    readDefinitionJson("smart-industry", version) as {
      survey: { pages: { elements: Element[] }[] };
    }
  ).survey.pages.flatMap((p) => p.elements);

function score(definition: SurveyDefinition, answers: Answers): Score {
  const result = scoreAnswers(definition, answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/**
 * The module's scoring from its description alone (shares no code with the engine): each
 * topic is a level 0–5 named `<dimension>_<n>`; a dimension's score is its mean level as a
 * share of 5 (0–100); the overall score is the mean of the four dimensions.
 */
function reference(answers: Answers) {
  const levels = new Map<string, number[]>();
  for (const [name, value] of Object.entries(answers)) {
    const dimension = name.replace(/_\d+$/, "");
    const level = (value as Record<string, number>)["1"];
    levels.set(dimension, [...(levels.get(dimension) ?? []), level]);
  }
  const dimensions = Object.fromEntries(
    [...levels].map(([id, list]) => [
      id,
      (list.reduce((a, b) => a + b, 0) / list.length / 5) * 100,
    ]),
  );
  const values = Object.values(dimensions);
  return { dimensions, overall: values.reduce((a, b) => a + b, 0) / values.length };
}

describe("smart-industry 1.0.1", () => {
  test("names each topic's one row in a few words of its own, not the topic's title again", () => {
    const before = elements("1.0.0");
    const after = elements("1.0.1");
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    for (const element of after) {
      expect(element.rows.map((r) => r.value)).toEqual(["1"]);
      for (const language of ["default", "sv"]) {
        const label = element.rows[0].text[language];
        expect(label, element.name).not.toBe(element.title[language]);
        expect(label.length, element.name).toBeLessThan(20);
      }
    }
    // In 1.0.0 every row label repeated its topic's title.
    expect(before.every((e) => e.rows[0].text.sv === e.title.sv)).toBe(true);
  });

  test("is the same major version as 1.0.0, so T0 on 1.0.0 is T1's starting point on 1.0.1", () => {
    expect(majorOf(v101.version)).toBe(majorOf(v100.version));
    const t0 = {
      id: "a",
      definition_id: "smart-industry",
      definition_major: majorOf("1.0.0"),
      stage: "T0" as const,
      status: "submitted" as const,
    };
    const t1 = { ...t0, id: "b", definition_major: majorOf("1.0.1"), stage: "T1" as const };
    expect(previousAssessmentOf(t1, [t0, t1])).toBe(t0);
  });

  const random = createRandom(101);
  const samples = Array.from({ length: 200 }, (_, i) => [i, randomAnswers(v100, random)] as const);

  test.each(samples)("random answer set %i scores the same in 1.0.0 and 1.0.1", (_, answers) => {
    const old = score(v100, answers);
    expect(score(v101, answers)).toEqual(old);
    const expected = reference(answers);
    for (const [id, value] of Object.entries(expected.dimensions)) {
      expect(old.dimensions[id], id).toBeCloseTo(value, 9);
    }
    expect(old.overall).toBeCloseTo(expected.overall, 9);
  });

  test("the hub's services recommend the same, for the same answers, in both versions", () => {
    const registry = loadDefinitionRegistry(DEFINITIONS_DIR);
    const catalogue = parseCatalogue(
      JSON.parse(readFileSync("db/catalogue/services.json", "utf8")),
      (id) =>
        (registry.list().find((d) => d.id === id)?.versions ?? []).map((version) => ({
          version,
          definition: registry.get(id, version)!.definition,
        })),
    );
    if (!catalogue.ok) throw new Error(JSON.stringify(catalogue.problems));
    const services = catalogue.value.services.filter((s) =>
      s.rules.some((r) => r.definition === "smart-industry"),
    );
    expect(services.length).toBeGreaterThan(0);
    let recommended = 0;
    for (const [, answers] of samples) {
      const ranked = (definition: SurveyDefinition) =>
        recommend({
          definitionId: "smart-industry",
          definition,
          dimensions: score(definition, answers).dimensions,
          answers,
          services,
        }).map((r) => [r.service.id, r.trigger, r.gap]);
      expect(ranked(v101)).toEqual(ranked(v100));
      recommended += ranked(v101).length;
    }
    expect(recommended).toBeGreaterThan(0);
  });

  test("the adviser's agenda names a topic by its title in both versions", () => {
    const [, answers] = samples[0];
    const label = (definition: SurveyDefinition) => {
      const rooms = itemRooms("smart-industry", definition, answers, []);
      return labelItems(definition, rooms, (id) => id, "sv").map((i) => [i.label, i.question]);
    };
    const labels = label(v101);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels).toEqual(label(v100));
    expect(labels.map(([text]) => text)).not.toContain("Vår nivå i dag");
  });
});
