import { useFetcher } from "@remix-run/react";
import type { WorkspaceReply } from "../lib/core/adviser-forms";
import { formatStaffDate } from "../lib/view/dates";
import { useFieldError } from "./company-notes";
import { useTranslation } from "./i18n";

export interface FollowUpItem {
  definitionId: string;
  nextStage: string | null;
  existing: {
    status: string;
    issuedAt: string | Date;
    openedAt: string | Date | null;
    savedAt: string | Date;
    submittedAt: string | Date | null;
  } | null;
}

/**
 * The follow-up of each questionnaire: issue the next stage's private link (shown once,
 * with a copy button; emailed to the contact when SMTP is configured), and its state.
 */
export function CompanyFollowUps({
  companyId,
  items,
  canIssue,
}: {
  companyId: string;
  items: FollowUpItem[];
  canIssue: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="followups-title" className="company-follow-ups">
      <h2 id="followups-title">{t("adviser.followUp.title")}</h2>
      {items.length === 0 ? <p className="note">{t("adviser.followUp.none")}</p> : null}
      {items.map((item) => (
        <FollowUp key={item.definitionId} companyId={companyId} item={item} canIssue={canIssue} />
      ))}
    </section>
  );
}

function FollowUp({
  companyId,
  item,
  canIssue,
}: {
  companyId: string;
  item: FollowUpItem;
  canIssue: boolean;
}) {
  const { t, lang } = useTranslation();
  const fetcher = useFetcher<WorkspaceReply>();
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = useFieldError(reply)("form");
  const issued = reply?.ok ? reply.followUp : undefined;
  const date = (value: string | Date | null) => formatStaffDate(lang, value, "dateTime");
  return (
    <div className="follow-up" data-testid={`follow-up-${item.definitionId}`}>
      <h3>{t(`adviser.questionnaire.${item.definitionId}`)}</h3>
      {item.nextStage === null ? (
        <p>{t("adviser.followUp.done")}</p>
      ) : (
        <>
          {item.existing ? (
            <p>
              {t("adviser.followUp.state", {
                stage: item.nextStage,
                issued: date(item.existing.issuedAt),
                opened: item.existing.openedAt
                  ? date(item.existing.openedAt)
                  : t("adviser.followUp.notYet"),
                saved: date(item.existing.savedAt),
                submitted: item.existing.submittedAt
                  ? date(item.existing.submittedAt)
                  : t("adviser.followUp.notYet"),
              })}
            </p>
          ) : (
            <p>{t("adviser.followUp.due", { stage: item.nextStage })}</p>
          )}
          {canIssue && item.existing?.status !== "submitted" ? (
            <fetcher.Form method="post" action={`/hub/companies/${companyId}/workspace`}>
              <input type="hidden" name="intent" value="followup.issue" />
              <input type="hidden" name="definitionId" value={item.definitionId} />
              <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
                {item.existing
                  ? t("adviser.followUp.reissue", { stage: item.nextStage })
                  : t("adviser.followUp.issue", { stage: item.nextStage })}
              </button>
              {item.existing ? (
                <p className="field__hint">{t("adviser.followUp.reissueHint")}</p>
              ) : null}
            </fetcher.Form>
          ) : null}
        </>
      )}
      {error ? (
        <p className="error-summary" role="alert">
          {error}
        </p>
      ) : null}
      {issued ? (
        <div className="success-summary" role="status">
          <p>
            {issued.emailed
              ? t("adviser.followUp.emailed", { stage: issued.stage })
              : t("adviser.followUp.copy", { stage: issued.stage })}
          </p>
          <p className="follow-up__link">
            <label htmlFor={`link-${item.definitionId}`}>{t("adviser.followUp.link")}</label>
            <input
              id={`link-${item.definitionId}`}
              type="text"
              readOnly
              value={issued.url}
              data-testid="follow-up-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className="button button--small"
              onClick={() => void navigator.clipboard?.writeText(issued.url)}
            >
              {t("adviser.followUp.copyButton")}
            </button>
          </p>
        </div>
      ) : null}
    </div>
  );
}
