import { describe, expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { AUDIT_ACTIONS } from "../../app/lib/core/audit-actions";
import { csvLine } from "../../app/lib/core/csv";
import { STAFF_NAVIGATION, STAFF_ROLES } from "../../app/lib/core/staff-policy";
import { translate, type Dictionary } from "../../app/lib/view/translate";

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
