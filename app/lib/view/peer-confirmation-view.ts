import type { Translate } from "./translate";

/**
 * What the staff company page says about an organisation's place in the peer statistics:
 * whether the hub confirmed it (by whom, when), and whether it counts. A confirmed
 * organisation that has not agreed to anonymous benchmarking is confirmed but not counted,
 * and the page must not say both "counted" and "not counted".
 */
export function peerConfirmationSentences(
  t: Translate,
  state: { confirmed: boolean; confirmedBy: string | null; consentBenchmark: boolean },
  date: string,
): { status: string; note: string | null } {
  if (!state.confirmed) {
    return {
      status: t("peerPopulation.staff.notConfirmed"),
      note: state.consentBenchmark ? null : t("peerPopulation.staff.noConsent"),
    };
  }
  const counted = state.consentBenchmark ? "" : "NoConsent";
  return {
    status: state.confirmedBy
      ? t(`peerPopulation.staff.confirmedBy${counted}`, { name: state.confirmedBy, date })
      : t(`peerPopulation.staff.confirmedOn${counted}`, { date }),
    note: null,
  };
}
