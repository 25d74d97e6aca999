import { Form, useSearchParams } from "@remix-run/react";
import { formatStaffDate } from "../lib/view/dates";
import { peerConfirmationSentences } from "../lib/view/peer-confirmation-view";
import { useTranslation } from "./i18n";

/** The confirmation state the company page's loader gives (dates as JSON strings). */
export interface PeerConfirmationState {
  confirmedAt: Date | string | null;
  confirmedBy: string | null;
  consentBenchmark: boolean;
}

/**
 * The staff company page's "Peer statistics" section: whether the hub has confirmed the
 * organisation as a genuine customer (only those count in peer statistics), by whom and
 * when, and the one button that confirms it or withdraws the confirmation.
 */
export function PeerConfirmationSection({
  companyId,
  state,
}: {
  companyId: string;
  state: PeerConfirmationState;
}) {
  const { t, lang } = useTranslation();
  const [params] = useSearchParams();
  const done = params.get("peers");
  const confirmed = state.confirmedAt !== null;
  const date = formatStaffDate(lang, state.confirmedAt);
  const sentences = peerConfirmationSentences(
    t,
    { confirmed, confirmedBy: state.confirmedBy, consentBenchmark: state.consentBenchmark },
    date,
  );
  return (
    <section
      aria-labelledby="peer-confirmation-title"
      className="peer-confirmation"
      data-testid="peer-confirmation"
    >
      <h2 id="peer-confirmation-title">{t("peerPopulation.staff.title")}</h2>
      {done === "confirm" || done === "unconfirm" ? (
        <p className="success-summary" role="status">
          {t(`peerPopulation.staff.done.${done}`)}
        </p>
      ) : null}
      <p data-testid="peer-confirmation-state">{sentences.status}</p>
      {sentences.note ? <p className="note">{sentences.note}</p> : null}
      <p className="note">{t("peerPopulation.staff.intro")}</p>
      <Form method="post" action={`/hub/companies/${companyId}/peers`} className="no-print">
        <input type="hidden" name="intent" value={confirmed ? "unconfirm" : "confirm"} />
        <button type="submit" className={confirmed ? "button" : "button button--primary"}>
          {t(confirmed ? "peerPopulation.staff.unconfirm" : "peerPopulation.staff.confirm")}
        </button>
      </Form>
    </section>
  );
}
