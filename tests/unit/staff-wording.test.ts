import { describe, expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { AUDIT_ACTIONS } from "../../app/lib/core/audit-actions";
import { csvLine } from "../../app/lib/core/csv";
import { STAFF_NAVIGATION, STAFF_ROLES } from "../../app/lib/core/staff-policy";
import { describeTrigger } from "../../app/lib/view/recommendation-reasons";
import {
  customerWording,
  staffWording,
  translate,
  type Dictionary,
} from "../../app/lib/view/translate";
import { loadDefinition } from "../helpers/definitions";

describe("staff wording in both languages", () => {
  const dictionaries = [
    ["en", en],
    ["sv", sv],
  ] as const;
  test.each(dictionaries)("%s names every audit action, role and navigation item", (_lang, d) => {
    const keys = [
      ...AUDIT_ACTIONS.map((a) => `hub.audit.action.${a.replace(/\./g, "_")}`),
      ...STAFF_ROLES.map((r) => `hub.role.${r}`),
      ...STAFF_NAVIGATION.map((n) => `hub.nav.${n.id}`),
    ];
    const missing = keys.filter((k) => translate(d as unknown as Dictionary, k) === k);
    expect(missing).toEqual([]);
  });
});

describe("csvLine", () => {
  test.each([
    [["a", "b"], "a,b\r\n"],
    [["x,y", 'say "hi"', "two\nlines"], '"x,y","say ""hi""","two\nlines"\r\n'],
    [[null, undefined, 3], ",,3\r\n"],
    [["=1+2", "+46 70", "-5", "@SUM(A1)", "\tx"], "'=1+2,'+46 70,'-5,'@SUM(A1),'\tx\r\n"],
    [['=HYPERLINK("http://x")'], '"\'=HYPERLINK(""http://x"")"\r\n'],
    [["Malmö – Åhus"], "Malmö – Åhus\r\n"],
  ])("%j → %j", (values, line) => {
    expect(csvLine(values)).toBe(line);
  });
});

describe("csvLine with a separator", () => {
  test.each([
    [["a;b", "c,d", 2.5, -3], ";", '"a;b";c,d;2,5;-3\r\n'],
    [["a;b", "c,d", 2.5, -3], ",", 'a;b,"c,d",2.5,-3\r\n'],
    [["-2+3", "=cmd|' /C calc'!A0", "@x"], ";", "'-2+3;'=cmd|' /C calc'!A0;'@x\r\n"],
  ] as const)("%j with %s → %j", (values, separator, line) => {
    expect(csvLine(values, separator)).toBe(line);
  });
});

/** The SME's second-person strings that the staff's company page and brief also show. */
const SHARED_WITH_STAFF = [
  "results.company",
  "results.peerMedian",
  "peers.overallSentence",
  "peers.strengthsTitle",
  "peers.strengths",
  "peers.fallback.government_area",
  "peers.fallback.size_class",
  "peers.fallback.region",
  "peers.fallback.all",
  "peerPopulation.overallCoarse.above",
  "peerPopulation.overallCoarse.around",
  "peerPopulation.overallCoarse.below",
  "journey.lowestOverall",
  "recommendations.reason.dimension",
  "recommendations.reason.dimensionBelowPeers",
  "recommendations.reason.choiceMissing",
  "recommendations.reason.choiceSelected",
  "recommendations.reason.row",
  "reasonCell.ticked",
  "reasonCell.notTicked",
];
const SECOND_PERSON = { sv: /\b(ni|er|ert|era)\b/i, en: /\b(you|your|yours)\b/i };

describe("the staff pages speak of the company in the third person", () => {
  const cases = (["sv", "en"] as const).flatMap((lang) =>
    (["sme", "pso"] as const).map((type) => [lang, type] as const),
  );
  test.each(cases)("%s, %s: no second person where the company's pages say you", (lang, type) => {
    const dictionary = (lang === "sv" ? sv : en) as unknown as Dictionary;
    const t = customerWording(
      staffWording((key, variables) => translate(dictionary, key, variables)),
      type,
    );
    // A company's peer groups never fall back from a government area.
    const keys = SHARED_WITH_STAFF.filter((k) => type === "pso" || !k.endsWith("government_area"));
    const worded = keys.map((key) => `${key}: ${t(key)}`);
    expect(worded.filter((line) => SECOND_PERSON[lang].test(line.split(": ")[1]))).toEqual([]);
    expect(worded.filter((line) => line.endsWith(`: ${line.split(": ")[0]}`))).toEqual([]);
  });

  test.each([
    ["sv", "Företaget valde inte ”"],
    ["en", "The company did not choose “"],
  ] as const)("%s: a recommendation's reason behind a gap", (lang, start) => {
    const dictionary = (lang === "sv" ? sv : en) as unknown as Dictionary;
    const t = staffWording((key, variables) => translate(dictionary, key, variables));
    const trigger = {
      kind: "choice",
      dimension: "data",
      question: "q8",
      item: 5,
      selected: false,
    } as const;
    expect(describeTrigger(trigger, loadDefinition("dma-sme", "1.1.0"), lang, t)).toMatch(
      new RegExp(`^${start}`),
    );
  });
});
