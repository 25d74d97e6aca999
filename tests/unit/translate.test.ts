import { describe, expect, test } from "vitest";
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
