import { describe, expect, test } from "vitest";
import { FOLD_FROM, FOLD_TO, foldForSearch } from "../../app/lib/core/search-fold";

describe("foldForSearch", () => {
  test.each([
    ["Malmö", "malmo"],
    ["Växjö Energi AB", "vaxjo energi ab"],
    ["ÅNGELHOLMS Ståldesign", "angelholms staldesign"],
    ["Łódź Café Øresund", "lodz cafe oresund"],
    ["plain 123", "plain 123"],
  ])("%s → %s", (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  test("maps every folded letter to a plain one of the same position", () => {
    expect([...FOLD_FROM]).toHaveLength([...FOLD_TO].length);
    for (const [i, c] of [...FOLD_FROM].entries()) {
      expect(c.normalize("NFD")[0].replace("ł", "l").replace("ø", "o")).toBe(FOLD_TO[i]);
    }
  });
});
