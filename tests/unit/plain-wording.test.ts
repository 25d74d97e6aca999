import { expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import type { Dictionary } from "../../app/lib/view/translate";

/**
 * What an organisation reads: its pages, the privacy page, its own data page
 * (`adviser.privacy`) and the public sector wording; the staff's sections are left out.
 */
const RESPONDENT_SECTIONS = [
  "landing",
  "privacy",
  "privacyContact",
  "profile",
  "customerType",
  "questionnaire",
  "results",
  "peers",
  "recommendations",
  "reasonCell",
  "bands",
  "journey",
  "pso",
  "adviser.privacy",
  "peerPopulation.privacy",
  "peerPopulation.coarseNote",
  "peerPopulation.overallCoarse",
  "peerPopulation.dimensionCoarse",
  "peerPopulation.peerStatsCoarse",
];

/** Words a small-business owner does not use: statistics, project stages, our own terms. */
const JARGON =
  /median|quartile|kvartil|percentil|\bpeers?\b|benchmark|jämförbar|jämförelsegrupp|mättillfälle|\bT[0-2]\b|\bstage\b/i;

function strings(node: string | Dictionary, key: string): [string, string][] {
  if (typeof node === "string") return [[key, node]];
  return Object.entries(node).flatMap(([k, v]) => strings(v, `${key}.${k}`));
}

function section(dictionary: Dictionary, path: string): string | Dictionary {
  let node: string | Dictionary = dictionary;
  for (const part of path.split(".")) {
    if (typeof node === "string" || !(part in node)) throw new Error(`no section ${path}`);
    node = node[part];
  }
  return node;
}

test.each([
  ["sv", sv],
  ["en", en],
])("the %s wording a respondent reads is free of jargon", (_lang, dictionary) => {
  const found = RESPONDENT_SECTIONS.flatMap((path) => strings(section(dictionary, path), path))
    // Placeholders ({{percentile}}) are names in the code, not words on the page.
    .map(([key, text]) => [key, text.replace(/\{\{\s*\w+\s*\}\}/g, "")])
    .filter(([, text]) => JARGON.test(text));
  expect(found).toEqual([]);
});
