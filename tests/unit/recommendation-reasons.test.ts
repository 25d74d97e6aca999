import { describe, expect, test } from "vitest";
import type { LanguageId } from "../../app/lib/core/vocabularies";
import { describeTrigger } from "../../app/lib/view/recommendation-reasons";
import {
  customerWording,
  translate,
  type Dictionary,
  type Translate,
} from "../../app/lib/view/translate";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { loadDefinition } from "../helpers/definitions";

const dma = loadDefinition("dma-sme", "1.1.0");
const pso = loadDefinition("dma-pso", "1.0.0");
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
      "Your score for Green digitalisation is 20 of 100 (Basic); typical among companies in manufacturing is 41.",
    );
  });

  test.each([
    {
      trigger: {
        kind: "cell",
        dimension: "interoperability",
        question: "q9",
        row: "1",
        column: "implemented",
        ticked: false,
      } as const,
      en: "You did not tick “Implemented” for “Publish data as open data” in the question “While digitalising processes and services, what does your organisation do to share data, information and knowledge with other public sector organisations?” (Interoperability).",
      sv: /^Ni kryssade inte i ”Genomfört” för ”.+” i frågan ”.+” \(Interoperabilitet\)\.$/,
    },
    {
      trigger: {
        kind: "cell",
        dimension: "strategy",
        question: "q2",
        row: "7",
        column: "invested",
        ticked: true,
      } as const,
      en: /^You ticked “Already invested” for “Purchasing and public procurement” in the question “.+” \(Digital strategy and investments\)\.$/,
      sv: /^Ni kryssade i ”Har redan investerat” för ”.+” i frågan ”.+” \(Digital strategi och investeringar\)\.$/,
    },
  ])("a tick grid's cell: $trigger.question row $trigger.row", ({ trigger, en, sv }) => {
    expect(describeTrigger(trigger, pso, "en", translatorFor("en"))).toMatch(en);
    expect(describeTrigger(trigger, pso, "sv", translatorFor("sv"))).toMatch(sv);
  });

  test("words a public sector organisation's peer group in its own terms", () => {
    const text = describeTrigger(
      {
        kind: "dimension",
        dimension: "interoperability",
        score: 20,
        peerMedian: 41,
        peerGroup: { kind: "organisation_type", value: "municipal" },
      },
      pso,
      "sv",
      customerWording(translatorFor("sv"), "pso"),
    );
    expect(text).toBe(
      "Ert resultat för Interoperabilitet är 20 av 100 (Grundläggande); typiskt bland kommuner är 41.",
    );
  });
});
