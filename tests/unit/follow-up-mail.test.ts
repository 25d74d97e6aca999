import { describe, expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import { followUpMail } from "../../app/lib/view/follow-up-mail";
import { translate, type Dictionary, type Translate } from "../../app/lib/view/translate";

const translator =
  (d: unknown): Translate =>
  (key, variables) =>
    translate(d as Dictionary, key, variables);

describe("the follow-up email names the stage in words, in the company's language", () => {
  test.each([
    [
      "sv",
      sv,
      "T1",
      "Första uppföljningen av er digitala mognad hos Hubben",
      "dags för första uppföljningen",
    ],
    [
      "sv",
      sv,
      "T2",
      "Andra uppföljningen av er digitala mognad hos Hubben",
      "dags för andra uppföljningen",
    ],
    [
      "en",
      en,
      "T1",
      "First follow-up of your digital maturity at Hubben",
      "time for the first follow-up",
    ],
    [
      "en",
      en,
      "T2",
      "Second follow-up of your digital maturity at Hubben",
      "time for the second follow-up",
    ],
  ])("%s %s", (_lang, dictionary, stage, subject, inBody) => {
    const mail = followUpMail(translator(dictionary), {
      name: "Anna",
      hub: "Hubben",
      stage,
      url: "https://hub.example/a/abc",
    });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(inBody);
    expect(mail.text).toContain("https://hub.example/a/abc");
    expect(`${mail.subject} ${mail.text}`).not.toMatch(/\bT[012]\b|\{\{/);
  });
});
