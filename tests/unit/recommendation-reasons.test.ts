import { describe, expect, test } from "vitest";
import type { LanguageId } from "../../app/lib/core/vocabularies";
import { describeTrigger } from "../../app/lib/view/recommendation-reasons";
import { translate, type Dictionary, type Translate } from "../../app/lib/view/translate";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { loadDefinition } from "../helpers/definitions";

const dma = loadDefinition("dma-sme", "1.1.0");
const dictionaries: Record<LanguageId, Dictionary> = { en, sv };
const translatorFor =
  (lang: LanguageId): Translate =>
  (key, variables) =>
    translate(dictionaries[lang], key, variables);

describe("reasons in plain language", () => {
  test.each([
    {
      trigger: { kind: "dimension", dimension: "data", score: 32.4 } as const,
      en: "Your score for Data management and connectedness is 32 of 100 (Average).",
      sv: "Ert resultat för Datahantering och uppkoppling är 32 av 100 (Medel).",
    },
    {
      trigger: {
        kind: "choice",
        dimension: "data",
        question: "q8",
        item: 5,
        selected: false,
      } as const,
      en: "You did not select “A full off-site/cloud backup of critical data exists” in the question “Is your company's data sufficiently secured?” (Data management and connectedness).",
      sv: undefined,
    },
  ])("$trigger.kind", ({ trigger, en, sv }) => {
    expect(describeTrigger(trigger, dma, "en", translatorFor("en"))).toBe(en);
    if (sv) expect(describeTrigger(trigger, dma, "sv", translatorFor("sv"))).toBe(sv);
    expect(describeTrigger(trigger, dma, "sv", translatorFor("sv"))).not.toMatch(
      /\{\{|recommendations\./,
    );
  });

  test("names the peer group's median when the score is below it", () => {
    const text = describeTrigger(
      {
        kind: "dimension",
        dimension: "green",
        score: 20,
        peerMedian: 41,
        peerGroup: { kind: "sector", value: "manufacturing" },
      },
      dma,
      "en",
      translatorFor("en"),
    );
    expect(text).toBe(
      "Your score for Green digitalisation is 20 of 100 (Basic), below the median of 41 among companies in manufacturing.",
    );
  });
});
