import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseCatalogue } from "../../app/lib/core/service-catalogue";
import type { LanguageId } from "../../app/lib/core/vocabularies";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { translate, type Dictionary } from "../../app/lib/view/translate";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { DEFINITIONS_DIR } from "../helpers/definitions";

const registry = loadDefinitionRegistry(DEFINITIONS_DIR);
const versionsOf = (id: string) =>
  (registry.list().find((d) => d.id === id)?.versions ?? []).map((version) => ({
    version,
    definition: registry.get(id, version)!.definition,
  }));
const catalogue = JSON.parse(readFileSync("db/catalogue/services.json", "utf8")) as {
  services: Record<string, unknown>[];
};
const dictionaries: Record<LanguageId, Dictionary> = { en, sv };

/** The import page's wording of a problem. */
const worded = (lang: LanguageId, p: { code: string; params: Record<string, string | number> }) =>
  translate(dictionaries[lang], `hub.services.problem.${p.code}`, p.params);

describe("a catalogue file's problems, in Swedish and English", () => {
  test.each([
    [
      "a category that does not exist",
      { category: "coaching" },
      "oneOf",
      /coaching|test-before-invest/,
    ],
    ["an unknown field", { colour: "red" }, "unknownKeys", /colour/],
    ["a missing name", { name: undefined }, "required", /.+/],
    ["a priority of 7", { priority: 7 }, "max", /3/],
    [
      "a rule naming a question the questionnaire lacks",
      {
        rules: [{ definition: "dma-sme", question: "no_such_question", item: 1, selected: false }],
      },
      "noQuestion",
      /no_such_question/,
    ],
  ])("%s", (_, change, code, detail) => {
    const broken = { ...catalogue, services: [{ ...catalogue.services[0], ...change }] };
    const parsed = parseCatalogue(broken, versionsOf);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const problem = parsed.problems[0];
    expect(problem.code).toBe(code);
    const [svText, enText] = [worded("sv", problem), worded("en", problem)];
    for (const text of [svText, enText]) {
      expect(text).not.toContain("hub.services.problem");
      expect(text).not.toContain("{{");
      expect(text).toMatch(detail);
    }
    expect(svText).not.toBe(enText);
  });
});
