import type { Translate } from "./translate";

/**
 * The follow-up email (T1 or T2) in the company's language: the stage in words, as the
 * company's own pages say it ("Första uppföljningen", "Second follow-up"), never its code.
 */
export function followUpMail(
  t: Translate,
  values: { name: string; hub: string; stage: string; url: string },
): { subject: string; text: string } {
  const stage = t(`journey.stage.${values.stage}`);
  const variables = { ...values, stage, stageLower: stage.toLowerCase() };
  return {
    subject: t("adviser.followUp.mailSubject", variables),
    text: t("adviser.followUp.mailBody", variables),
  };
}
