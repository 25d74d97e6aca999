import { describe, expect, test } from "vitest";
import {
  isReadableName,
  jsonValueProblem,
  MAX_JSON_DEPTH,
  parseFormStrict,
  requestTargetProblem,
  textProblem,
} from "../../app/lib/core/input-checks";

/** An array nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("the boundary's input checks", () => {
  test.each([
    ["plain", undefined],
    ["emoji 😀 and åäö", undefined],
    ["nul \u0000 inside", "contains a NUL character"],
    ["lone high \ud800", "contains a lone UTF-16 surrogate"],
    ["lone low \udc00 x", "contains a lone UTF-16 surrogate"],
    ["reversed \udc00\ud800", "contains a lone UTF-16 surrogate"],
  ])("textProblem(%j) is %j", (value, expected) => {
    expect(textProblem(value)).toBe(expected);
  });

  test("JSON values: NUL, lone surrogates, __proto__ keys and deep nesting are refused", () => {
    expect(jsonValueProblem({ answers: { q1: [1, 2], q2: { a: { b: true } } } })).toBeUndefined();
    expect(jsonValueProblem({ answers: { q3: "a\u0000" } })).toEqual({
      path: "answers.q3",
      message: "contains a NUL character",
    });
    expect(jsonValueProblem({ profile: { companyName: "\ud800" } })?.path).toBe(
      "profile.companyName",
    );
    expect(jsonValueProblem({ ["k\ud800"]: 1 })?.message).toMatch(/^key contains a lone/);
    expect(jsonValueProblem(JSON.parse('{"answers":{"__proto__":[1]}}'))).toEqual({
      path: "answers.__proto__",
      message: "the key __proto__ is not allowed",
    });
    expect(jsonValueProblem(nested(MAX_JSON_DEPTH - 1))).toBeUndefined();
    expect(jsonValueProblem(nested(MAX_JSON_DEPTH + 1))?.message).toMatch(/nested deeper/);
    // Iterative: 100,000 levels neither overflow the stack nor pass.
    expect(jsonValueProblem({ answers: { q1: nested(100_000) } })?.message).toMatch(/nested/);
  });

  test("form bodies are decoded strictly", () => {
    expect(parseFormStrict("a=1&b=%C3%A5+%C3%B6&c&&d=")).toEqual({
      ok: true,
      entries: [
        ["a", "1"],
        ["b", "å ö"],
        ["c", ""],
        ["d", ""],
      ],
    });
    expect(parseFormStrict("")).toEqual({ ok: true, entries: [] });
    expect(parseFormStrict("a=%E0%A4%A")).toMatchObject({ ok: false });
    expect(parseFormStrict("a=%C0%AF")).toMatchObject({ ok: false });
    expect(parseFormStrict("a=%ED%A0%80")).toMatchObject({ ok: false }); // an encoded surrogate
    expect(parseFormStrict("companyName=x%00y")).toEqual({
      ok: false,
      message: "a form field contains a NUL character",
    });
  });

  test.each([
    ["/a/abc?x=%C3%A5", undefined],
    ["/api/v1/assessments/%C0%AF", "the address has a malformed percent-encoding"],
    ["/a/%", "the address has a malformed percent-encoding"],
    ["/a/x%00", "the address contains a NUL character"],
    ["/hub/audit?person=%00", "the address contains a NUL character"],
  ])("requestTargetProblem(%j) is %j", (target, expected) => {
    expect(requestTargetProblem(target)).toBe(expected);
  });

  test.each([
    ["Acme AB", true],
    ["Åsa", true],
    ["3M", true],
    ["\u200b\u200b\u200b", false],
    ["\u200d\ufeff", false],
    ["--", false],
    ["Acme\u0007AB", false],
  ])("isReadableName(%j) is %j", (value, expected) => {
    expect(isReadableName(value)).toBe(expected);
  });
});
