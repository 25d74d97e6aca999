import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  formValuesOf,
  parseServiceForm,
  ruleTargets,
  targetKeyOf,
  type FormFields,
} from "../../app/lib/core/catalogue-form";
import { checkRule, type Service } from "../../app/lib/core/service-catalogue";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { DEFINITIONS_DIR } from "../helpers/definitions";

const registry = loadDefinitionRegistry(DEFINITIONS_DIR);
const versionsOf = (id: string) =>
  (registry.list().find((d) => d.id === id)?.versions ?? []).map((version) => ({
    version,
    definition: registry.get(id, version)!.definition,
  }));
const definitions = registry.list().map(({ id }) => ({ id, versions: versionsOf(id) }));
const targets = ruleTargets(definitions);
const seed = (
  JSON.parse(readFileSync("db/catalogue/services.json", "utf8")) as { services: Service[] }
).services;

/** The form fields a browser posts for a service as the editor shows it. */
function fieldsOf(service: Service): FormFields {
  const v = formValuesOf(service);
  const fields = new Map<string, string[]>([
    ["category", [v.category]],
    ["priority", [v.priority]],
    ["name_sv", [v.nameSv]],
    ["name_en", [v.nameEn]],
    ["description_sv", [v.descriptionSv]],
    ["description_en", [v.descriptionEn]],
    ["email", [v.email]],
    ["url", [v.url]],
  ]);
  v.rules.forEach((r, i) => {
    fields.set(`rules.${i}.target`, [r.target]);
    fields.set(`rules.${i}.below`, [r.below]);
    fields.set(`rules.${i}.when`, [r.when]);
    fields.set(`rules.${i}.values`, r.values);
  });
  return fields;
}

describe("the rule editor's targets", () => {
  test("every target holds in every published version of its questionnaire", () => {
    expect(targets.length).toBeGreaterThan(100);
    for (const target of targets) {
      for (const { definition } of versionsOf(target.definition)) {
        const rule =
          target.kind === "dimension"
            ? { definition: target.definition, dimension: target.dimension!, below: 50 }
            : target.kind === "choice"
              ? {
                  definition: target.definition,
                  question: target.question!,
                  item: target.item!,
                  selected: true,
                }
              : target.kind === "row"
                ? {
                    definition: target.definition,
                    question: target.question!,
                    row: target.row!,
                    values: target.values!,
                  }
                : {
                    definition: target.definition,
                    question: target.question!,
                    row: target.row!,
                    column: target.column!,
                    ticked: true,
                  };
        expect(checkRule(rule, definition), target.key).toBeUndefined();
      }
    }
    expect(new Set(targets.map((t) => t.key)).size).toBe(targets.length);
  });

  test("offers every rule of the seed catalogue, and each seed service reads back unchanged from its form", () => {
    const keys = new Set(targets.map((t) => t.key));
    for (const service of seed) {
      for (const rule of service.rules)
        expect(keys, targetKeyOf(rule)).toContain(targetKeyOf(rule));
      const parsed = parseServiceForm(fieldsOf(service), targets, versionsOf, service.id);
      expect(parsed.ok ? parsed.service : parsed.errors).toEqual(service);
    }
  });
});
