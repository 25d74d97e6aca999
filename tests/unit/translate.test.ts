import { describe, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { translate, type Dictionary } from "../../app/lib/view/translate";

const dictionary: Dictionary = { a: { b: "Hej {{name}}, {{ count }} svar", c: "plain" } };

describe("translate", () => {
  test.each([
    ["a.c", undefined, "plain"],
    ["a.b", { name: "Anna", count: 3 }, "Hej Anna, 3 svar"],
    ["a.b", { name: "Anna" }, "Hej Anna, {{ count }} svar"],
    ["a.missing", undefined, "a.missing"],
    ["a", undefined, "a"],
  ])("%s with %o gives %s", (key, variables, expected) => {
    expect(translate(dictionary, key, variables)).toBe(expected);
  });
});

function keys(node: Dictionary, prefix = ""): string[] {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

test("Swedish and English have the same keys, none empty", () => {
  expect(keys(sv).sort()).toEqual(keys(en).sort());
  for (const key of keys(sv)) expect(translate(sv, key).trim()).not.toBe("");
});

/** Every key the app's code names literally, as `t("section.key")`. */
function literalKeys(): { file: string; key: string }[] {
  const files = execFileSync("git", ["ls-files", "app"], { encoding: "utf8" })
    .split("\n")
    .filter((file) => /\.tsx?$/.test(file));
  return files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([\w.-]+)"/g)].map((m) => ({
      file,
      key: m[1],
    })),
  );
}

test("every key the code names exists in the shared wording (a pso. key only overrides one)", () => {
  const keys = literalKeys();
  expect(keys.length).toBeGreaterThan(100);
  const missing = keys.filter(({ key }) => translate(en, key) === key);
  expect(missing).toEqual([]);
});
