import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { TECHNOLOGY_TYPES, type WorkspaceReply } from "../lib/core/adviser-forms";
import { SERVICE_CATEGORIES } from "../lib/core/service-catalogue";
import { formatStaffDate } from "../lib/view/dates";
import { FieldError, useFieldError } from "./company-notes";
import { useTranslation } from "./i18n";
import { StackTable } from "./stack-table";

/** A delivered service as the company page lists it. */
export interface DeliveredItem {
  id: string;
  title: string;
  category: string;
  technologyType: string;
  description: string;
  priceEur: number;
  attendees: number | null;
  startDate: string | Date;
  endDate: string | Date;
  partnerName: string | null;
  recommendationRank: number | null;
}

export interface DeliveredChoices {
  services: { id: string; name: string; category: string }[];
  partners: { id: string; name: string }[];
  recommendations: { value: string; label: string }[];
}

/** Euros in the page's language ("1 500,00 €" / "€1,500.00"). */
export function formatEuros(lang: string, value: number): string {
  return new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    style: "currency",
    currency: "EUR",
  }).format(value);
}

/**
 * What the hub delivered to the company (the Commission's reporting fields) and the form to
 * record one; the server validates it and the errors show beside the fields.
 */
export function DeliveredServices({
  companyId,
  items,
  choices,
  canRecord,
}: {
  companyId: string;
  items: DeliveredItem[];
  choices: DeliveredChoices;
  canRecord: boolean;
}) {
  const { t, lang } = useTranslation();
  const fetcher = useFetcher<WorkspaceReply>();
  const remover = useFetcher<WorkspaceReply>();
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = useFieldError(reply);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (reply?.ok) form.current?.reset();
  }, [reply]);
  const field = (
    name: string,
    label: string,
    control: (props: {
      id: string;
      name: string;
      "aria-invalid"?: true;
      "aria-describedby"?: string;
    }) => React.ReactNode,
    hint?: string,
  ) => {
    const id = `ds-${name}`;
    const text = error(name);
    const describedBy = [hint ? `${id}-hint` : "", text ? `${id}-error` : ""]
      .filter(Boolean)
      .join(" ");
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p id={`${id}-hint`} className="field__hint">
            {hint}
          </p>
        ) : null}
        {control({
          id,
          name,
          "aria-invalid": text ? true : undefined,
          "aria-describedby": describedBy || undefined,
        })}
        <FieldError id={`${id}-error`} text={text} />
      </div>
    );
  };
  return (
    <section aria-labelledby="delivered-title" className="delivered-services">
      <h2 id="delivered-title">{t("adviser.delivered.title")}</h2>
      <StackTable
        caption={t("adviser.delivered.title")}
        testId="delivered-list"
        empty={
          items.length === 0
            ? { text: t("adviser.delivered.none"), testId: "no-delivered" }
            : undefined
        }
        head={
          <>
            <th scope="col">{t("adviser.delivered.service")}</th>
            <th scope="col">{t("adviser.delivered.category")}</th>
            <th scope="col">{t("adviser.delivered.technology")}</th>
            <th scope="col">{t("adviser.delivered.dates")}</th>
            <th scope="col" className="numeric">
              {t("adviser.delivered.price")}
            </th>
            <th scope="col" className="numeric">
              {t("adviser.delivered.attendees")}
            </th>
            <th scope="col">{t("adviser.delivered.partner")}</th>
            {canRecord ? (
              <th scope="col">
                <span className="visually-hidden">{t("adviser.delivered.remove")}</span>
              </th>
            ) : null}
          </>
        }
      >
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row">
              {item.title}
              {item.description ? <p className="note">{item.description}</p> : null}
              {item.recommendationRank ? (
                <p className="note">
                  {t("adviser.delivered.answers", { rank: item.recommendationRank })}
                </p>
              ) : null}
            </th>
            <td data-label={t("adviser.delivered.category")}>
              {t(`recommendations.category.${item.category}`)}
            </td>
            <td data-label={t("adviser.delivered.technology")}>
              {t(`adviser.technology.${item.technologyType}`)}
            </td>
            <td data-label={t("adviser.delivered.dates")}>
              {formatStaffDate(lang, item.startDate)} – {formatStaffDate(lang, item.endDate)}
            </td>
            <td className="numeric" data-label={t("adviser.delivered.price")}>
              {formatEuros(lang, item.priceEur)}
            </td>
            <td className="numeric" data-label={t("adviser.delivered.attendees")}>
              {item.attendees ?? "—"}
            </td>
            <td data-label={t("adviser.delivered.partner")}>{item.partnerName ?? "—"}</td>
            {canRecord ? (
              <td>
                <remover.Form method="post" action={`/hub/companies/${companyId}/workspace`}>
                  <input type="hidden" name="intent" value="service.remove" />
                  <input type="hidden" name="deliveredServiceId" value={item.id} />
                  <button
                    type="submit"
                    className="button button--small"
                    aria-label={t("adviser.delivered.removeNamed", { title: item.title })}
                  >
                    {t("adviser.delivered.remove")}
                  </button>
                </remover.Form>
              </td>
            ) : null}
          </tr>
        ))}
      </StackTable>
      {canRecord ? (
        <details className="delivered-form" open={reply?.ok === false ? true : undefined}>
          <summary>{t("adviser.delivered.record")}</summary>
          <fetcher.Form
            method="post"
            action={`/hub/companies/${companyId}/workspace`}
            ref={form}
            noValidate
            data-testid="delivered-form"
          >
            <input type="hidden" name="intent" value="service.record" />
            {error("form") ? (
              <div className="error-summary" role="alert">
                {error("form")}
              </div>
            ) : null}
            {reply && !reply.ok ? (
              <p className="error-summary" role="alert">
                {t("adviser.delivered.fix")}
              </p>
            ) : null}
            {field("serviceId", t("adviser.delivered.fromCatalogue"), (props) => (
              <select {...props} defaultValue="">
                <option value="">{t("adviser.delivered.freeText")}</option>
                {choices.services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            ))}
            {field(
              "title",
              t("adviser.delivered.titleLabel"),
              (props) => (
                <input {...props} type="text" maxLength={200} />
              ),
              t("adviser.delivered.titleHint"),
            )}
            {field("category", t("adviser.delivered.category"), (props) => (
              <select {...props} defaultValue="">
                <option value="">{t("adviser.delivered.fromService")}</option>
                {SERVICE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`recommendations.category.${c}`)}
                  </option>
                ))}
              </select>
            ))}
            {field("technologyType", t("adviser.delivered.technology"), (props) => (
              <select {...props} defaultValue="">
                <option value="" disabled>
                  {t("adviser.delivered.choose")}
                </option>
                {TECHNOLOGY_TYPES.map((tt) => (
                  <option key={tt} value={tt}>
                    {t(`adviser.technology.${tt}`)}
                  </option>
                ))}
              </select>
            ))}
            {field("description", t("adviser.delivered.description"), (props) => (
              <textarea {...props} rows={3} maxLength={2000} />
            ))}
            <div className="field-row">
              {field(
                "priceEur",
                t("adviser.delivered.price"),
                (props) => (
                  <input {...props} type="text" inputMode="decimal" />
                ),
                t("adviser.delivered.priceHint"),
              )}
              {field(
                "attendees",
                t("adviser.delivered.attendees"),
                (props) => (
                  <input {...props} type="number" min={0} step={1} />
                ),
                t("adviser.delivered.attendeesHint"),
              )}
            </div>
            <div className="field-row">
              {field("startDate", t("adviser.delivered.start"), (props) => (
                <input {...props} type="date" />
              ))}
              {field("endDate", t("adviser.delivered.end"), (props) => (
                <input {...props} type="date" />
              ))}
            </div>
            {field("partnerId", t("adviser.delivered.partner"), (props) => (
              <select {...props} defaultValue="">
                <option value="">{t("adviser.delivered.noPartner")}</option>
                {choices.partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            ))}
            {field("recommendation", t("adviser.delivered.recommendation"), (props) => (
              <select {...props} defaultValue="">
                <option value="">{t("adviser.delivered.noRecommendation")}</option>
                {choices.recommendations.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            ))}
            <button
              type="submit"
              className="button button--primary"
              disabled={fetcher.state !== "idle"}
            >
              {t("adviser.delivered.save")}
            </button>
            {reply?.ok ? (
              <p className="success-summary" role="status">
                {t("adviser.delivered.saved")}
              </p>
            ) : null}
          </fetcher.Form>
        </details>
      ) : null}
    </section>
  );
}
