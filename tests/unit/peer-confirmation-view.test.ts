import { describe, expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { peerConfirmationSentences } from "../../app/lib/view/peer-confirmation-view";
import { translate, type Dictionary } from "../../app/lib/view/translate";

const tEn = (key: string, vars?: Record<string, string | number>) =>
  translate(en as unknown as Dictionary, key, vars);
const tSv = (key: string, vars?: Record<string, string | number>) =>
  translate(sv as unknown as Dictionary, key, vars);

describe("the company page's peer-statistics sentence", () => {
  test("a confirmed organisation without benchmark consent is not said to be counted", () => {
    for (const t of [tEn, tSv]) {
      for (const confirmedBy of ["Hanna Lind", null]) {
        const { status, note } = peerConfirmationSentences(
          t,
          { confirmed: true, confirmedBy, consentBenchmark: false },
          "13 June 2025",
        );
        expect(status).toMatch(/not counted|räknas inte/);
        expect(status).not.toMatch(/: counted|: räknas i/);
        expect(note).toBeNull();
      }
    }
  });

  test("a confirmed, consenting organisation is counted; an unconfirmed one is not", () => {
    const counted = peerConfirmationSentences(
      tEn,
      { confirmed: true, confirmedBy: "Hanna Lind", consentBenchmark: true },
      "13 June 2025",
    );
    expect(counted).toEqual({
      status:
        "Confirmed as a genuine customer by Hanna Lind on 13 June 2025: counted in peer statistics.",
      note: null,
    });
    const unconfirmed = peerConfirmationSentences(
      tSv,
      { confirmed: false, confirmedBy: null, consentBenchmark: false },
      "—",
    );
    expect(unconfirmed.status).toBe("Inte bekräftad: räknas inte i jämförelsestatistiken.");
    expect(unconfirmed.note).toMatch(/inte gått med på anonym jämförelse/);
  });
});
