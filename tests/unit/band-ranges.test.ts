import { describe, expect, test } from "vitest";
import { displayScore, findBand, tenthsScore } from "../../app/lib/core/scoring";
import type { LanguageId } from "../../app/lib/core/vocabularies";
import { bandRanges } from "../../app/lib/view/band-ranges";
import { translate, type Dictionary, type Translate } from "../../app/lib/view/translate";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { loadDefinition } from "../helpers/definitions";
import { createRandom } from "../helpers/random-answers";

const dictionaries: Record<LanguageId, Dictionary> = { en, sv };
const t =
  (lang: LanguageId): Translate =>
  (key, variables) =>
    translate(dictionaries[lang], key, variables);

const definitions = {
  "dma-sme": loadDefinition("dma-sme", "1.1.0"),
  "dma-pso": loadDefinition("dma-pso", "1.0.0"),
  "smart-industry": loadDefinition("smart-industry", "1.0.0"),
};

describe("the bands in words, without a gap", () => {
  test.each<[keyof typeof definitions, LanguageId, string[]]>([
    [
      "dma-sme",
      "en",
      [
        "Basic 0–25",
        "Average over 25–50",
        "Moderately advanced over 50–75",
        "Advanced over 75–100",
      ],
    ],
    [
      "dma-pso",
      "en",
      [
        "Basic 0–25",
        "Average over 25–50",
        "Moderately advanced over 50–75",
        "Advanced over 75–100",
      ],
    ],
    [
      "dma-sme",
      "sv",
      [
        "Grundläggande 0–25",
        "Medel över 25–50",
        "Måttligt avancerad över 50–75",
        "Avancerad över 75–100",
      ],
    ],
    [
      "dma-pso",
      "sv",
      [
        "Grundläggande 0–25",
        "Medel över 25–50",
        "Måttligt avancerad över 50–75",
        "Avancerad över 75–100",
      ],
    ],
    [
      "smart-industry",
      "en",
      [
        "Starting 0–20",
        "Developing over 20–40",
        "Defined over 40–60",
        "Integrated over 60–80",
        "Leading over 80–100",
      ],
    ],
  ])("%s in %s", (id, lang, expected) => {
    const bands = bandRanges(definitions[id], lang, t(lang), "average");
    expect(bands.map((b) => `${b.name} ${b.range}`)).toEqual(expected);
    expect(bands.filter((b) => b.current).map((b) => b.id)).toEqual(
      id === "smart-industry" ? [] : ["average"],
    );
  });

  test.each(Object.entries(definitions))(
    "%s: a score shown rounded half up always lies in the range its band's label gives",
    (_, definition) => {
      const random = createRandom(25);
      const edges = definition.bands.flatMap((b) => [b.min, b.max]);
      const scores = [
        ...edges.flatMap((e) => [e, e + 1e-7, e - 1e-7, e + 0.3, e - 0.3, e + 0.5, e - 0.5]),
        // 57.5 as floating point holds it, and 25 just above.
        ((9 / 10 + (4 * 0.5) / 8) / 2) * 100,
        25.000000000000004,
        ...Array.from({ length: 2_000 }, () => random() * 100),
      ].filter((s) => s >= 0 && s <= 100);
      for (const score of scores) {
        const band = findBand(definition, score);
        const shown = displayScore(score);
        // The label says "min–max" (first band) or "over min–max": the shown whole number
        // is never outside it, though "over 25" may show as 25 (25.3 rounds to 25).
        expect(shown, `${score} in ${band.id}`).toBeGreaterThanOrEqual(band.min);
        expect(shown, `${score} in ${band.id}`).toBeLessThanOrEqual(band.max);
      }
    },
  );

  test("the band is taken on the unrounded score: 25 is Basic, 25.3 (shown 25) is Average", () => {
    const pso = definitions["dma-pso"];
    expect([findBand(pso, 25).id, displayScore(25)]).toEqual(["basic", 25]);
    expect([findBand(pso, 25.3).id, displayScore(25.3)]).toEqual(["average", 25]);
    expect([findBand(pso, 82.5).id, displayScore(82.5)]).toEqual(["advanced", 83]);
  });
});

describe("tenths, as the results API shows peer statistics", () => {
  test("round half up from the settled value, not from floating-point noise", () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(tenthsScore(57.24999999999999)).toBe(57.3);
    expect(tenthsScore(57.25)).toBe(57.3);
    expect(tenthsScore(57.2499)).toBe(57.2);
    expect(tenthsScore(25.000000000000004)).toBe(25);
    expect(tenthsScore(0)).toBe(0);
    expect(tenthsScore(100)).toBe(100);
  });
});
