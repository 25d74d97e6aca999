import { expect, test } from "vitest";
import { formatChange, formatDecimal, formatPercent } from "../../app/lib/view/numbers";

// Swedish separates the percent sign and the thousands with a no-break space (U+00A0).
test.each([
  [16, "en", "16%"],
  [16, "sv", "16\u00a0%"],
  [62.4, "en", "62%"],
  [0, "sv", "0\u00a0%"],
  [100, "en", "100%"],
] as const)("formatPercent(%s, %s) = %s", (value, lang, expected) => {
  expect(formatPercent(value, lang)).toBe(expected);
});

test.each([
  [null, "en", 1, "—"],
  [12.46, "en", 1, "+12.5"],
  [12.46, "sv", 1, "+12,5"],
  [-3, "en", 1, "−3.0"],
  [-3, "sv", 1, "−3,0"],
  [0.01, "en", 1, "±0.0"],
  [-0.04, "sv", 1, "±0,0"],
  [12, "sv", 0, "+12"],
  [-13, "en", 0, "−13"],
  [0, "en", 0, "±0"],
] as const)("formatChange(%s, %s, %s) = %s", (value, lang, digits, expected) => {
  expect(formatChange(value, lang, digits)).toBe(expected);
});

test.each([
  [41.25, "sv", 1, "41,3"],
  [41.25, "en", 1, "41.3"],
  [1234.5, "sv", 1, "1234,5"],
  [-2, "en", 0, "−2"],
] as const)("formatDecimal(%s, %s, %s) = %s", (value, lang, digits, expected) => {
  expect(formatDecimal(value, lang, digits)).toBe(expected);
});
