import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { isStaffPath, publicDictionary, type Dictionary } from "../../app/lib/view/translate";

/** The respondent's pages and what they render with (their `t` keys must all be kept). */
const PUBLIC_FILES = [
  "app/root.tsx",
  "app/routes/$.tsx",
  "app/routes/_index.tsx",
  "app/routes/start.tsx",
  "app/routes/privacy.tsx",
  "app/routes/a.$token.tsx",
  "app/routes/a.$token_.results.tsx",
  "app/routes/a.$token_.privacy.tsx",
  "app/components/form-alert.tsx",
  "app/components/language-switch.tsx",
  "app/components/native-questionnaire.tsx",
  "app/components/questionnaire.client.tsx",
  "app/components/questionnaire-page.tsx",
  "app/components/recommendations.tsx",
  "app/components/score-table.tsx",
  "app/components/score-charts.client.tsx",
  "app/lib/view/answer-summary.ts",
  "app/lib/view/band-ranges.ts",
  "app/lib/view/chart-data.ts",
  "app/lib/view/focus-view.ts",
  "app/lib/view/numbers.ts",
  "app/lib/view/peer-view.ts",
  "app/lib/view/progress-view.ts",
  "app/lib/view/recommendation-reasons.ts",
  "app/lib/view/results-view.ts",
];

/**
 * Every dictionary key a file names in a string literal (`"results.title"`), or the fixed
 * start of one built in a template (`` `adviser.privacy.consent.${id}` `` → its parent).
 */
function keysIn(file: string, namespaces: string[]): string[] {
  // Permission names ("staff.manage") look like keys of the staff namespace: leave them out.
  const source = readFileSync(file, "utf8").replace(/requireHubPermission\([^)]*\)/g, "");
  const keys = new Set<string>();
  for (const [, key, template] of source.matchAll(/["'`]([a-zA-Z]+(?:\.\w+)+)(\.\$\{)?/g)) {
    if (!namespaces.includes(key.split(".")[0])) continue;
    keys.add(template ? `${key}.*` : key);
  }
  return [...keys];
}

/** The keys that name nothing in `dictionary` (a key may name a group built on later). */
function missing(dictionary: Dictionary, keys: string[]): string[] {
  return keys.filter((key) => {
    let node: string | Dictionary | undefined = dictionary;
    for (const part of key.replace(/\.\*$/, "").split(".")) {
      node = typeof node === "object" ? node[part] : undefined;
    }
    return key.endsWith(".*") ? typeof node !== "object" : node === undefined;
  });
}

describe.each([
  ["en", en],
  ["sv", sv],
] as const)("the respondent's dictionary (%s)", (_, full) => {
  const kept = publicDictionary(full);
  const namespaces = Object.keys(full);

  test("leaves out the staff area's strings and is under half the size", () => {
    expect(Object.keys(kept)).not.toEqual(expect.arrayContaining(["hub"]));
    expect(kept.dashboard).toBeUndefined();
    expect(kept.exports).toBeUndefined();
    expect(Object.keys(kept.adviser as Dictionary)).toEqual(["privacy"]);
    expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  test.each(PUBLIC_FILES)("keeps every key %s uses", (file) => {
    const keys = keysIn(file, namespaces);
    expect(missing(kept, keys)).toEqual([]);
  });

  test("the check finds what a staff page would miss", () => {
    const staffKeys = keysIn("app/routes/hub.staff.tsx", namespaces);
    expect(missing(full, staffKeys)).toEqual([]);
    expect(missing(kept, staffKeys).length).toBeGreaterThan(5);
  });
});

test.each([
  ["/hub", true],
  ["/hub/companies/1", true],
  ["/hubs", false],
  ["/a/token", false],
  ["/", false],
])("%s is in the staff area: %s", (path, staff) => {
  expect(isStaffPath(path)).toBe(staff);
});
