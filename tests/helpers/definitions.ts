import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDefinition, type SurveyDefinition } from "../../app/lib/core/definitions";

/** The repository's survey-definitions folder. */
export const DEFINITIONS_DIR = fileURLToPath(new URL("../../survey-definitions", import.meta.url));

/** The parsed JSON of a definition file in the repository. */
export function readDefinitionJson(id: string, version: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${DEFINITIONS_DIR}/${id}/${version}.json`, "utf8")) as Record<
    string,
    unknown
  >;
}

/** A validated definition from the repository; throws with the problems if it is invalid. */
export function loadDefinition(id: string, version: string): SurveyDefinition {
  const result = parseDefinition(readDefinitionJson(id, version), { id, version });
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}
