import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { SERVICE_CATEGORIES } from "../lib/core/service-catalogue";
import {
  EMPTY_RULE,
  type FieldErrors,
  type RuleFormValues,
  type ServiceFormValues,
} from "../lib/core/catalogue-form";
import type { TargetChoices } from "../lib/view/catalogue-view";
import { formatStaffDate } from "../lib/view/dates";
import { FieldError } from "./company-notes";
import { FormAlert } from "./form-alert";
import { useTranslation } from "./i18n";

interface Preview {
  sample: number;
  rules: (number | null)[];
  service: number;
  byDefinition: Record<string, number>;
  ms: number;
}

export interface ServiceEditorProps {
  /** Null for a new service. */
  id: string | null;
  values: ServiceFormValues;
  errors: FieldErrors;
  revision: number | null;
  active: boolean;
  updatedAt: string | Date | null;
  updatedBy: string | null;
  choices: TargetChoices;
  preview: Preview | null;
  refusal?: string;
  saved: string | null;
  /** Changes on each answer of the action, to focus its message. */
  reply: unknown;
}

function TextField({
  name,
  label,
  value,
  error,
  type = "text",
  multiline,
  hint,
}: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  type?: string;
  multiline?: boolean;
  hint?: string;
}) {
  const id = `service-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    name,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={4} maxLength={2000} />
      ) : (
        <input {...common} type={type} maxLength={500} />
      )}
      <FieldError id={`${id}-error`} text={error} />
    </div>
  );
}

/** One rule's fields: what it is about, then the condition that kind of rule needs. */
function RuleFields({
  index,
  rule,
  choices,
  errors,
  count,
  sample,
}: {
  index: number;
  rule: RuleFormValues;
  choices: TargetChoices;
  errors: FieldErrors;
  count: number | null | undefined;
  sample: number | undefined;
}) {
  const { t } = useTranslation();
  // With JavaScript the condition follows the chosen target at once; without, after
  // "Update preview".
  const [target, setTarget] = useState(rule.target);
  useEffect(() => setTarget(rule.target), [rule.target]);
  const info = choices.info[target];
  const at = `rules.${index}`;
  const id = `rule-${index}`;
  const error = (field: string) => {
    const code = errors[`${at}.${field}`];
    return code ? t(`hub.services.error.${code}`) : undefined;
  };
  const isNew = rule.target === "";
  return (
    <fieldset className="fieldset rule" data-testid="rule">
      <legend>
        {isNew ? t("hub.services.rule.new") : t("hub.services.rule.legend", { n: index + 1 })}
      </legend>
      <div className="field">
        <label htmlFor={`${id}-target`}>{t("hub.services.rule.target")}</label>
        <select
          id={`${id}-target`}
          name={`${at}.target`}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          aria-invalid={error("target") ? true : undefined}
          aria-describedby={error("target") ? `${id}-target-error` : undefined}
        >
          <option value="">
            {t(isNew ? "hub.services.rule.none" : "hub.services.rule.choose")}
          </option>
          {choices.groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldError id={`${id}-target-error`} text={error("target")} />
      </div>
      {info?.kind === "dimension" ? (
        <div className="field field--compact">
          <label htmlFor={`${id}-below`}>{t("hub.services.rule.below")}</label>
          <input
            id={`${id}-below`}
            name={`${at}.below`}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step="any"
            defaultValue={rule.below}
            aria-invalid={error("below") ? true : undefined}
            aria-describedby={`${id}-below-hint${error("below") ? ` ${id}-below-error` : ""}`}
          />
          <p id={`${id}-below-hint`} className="field__hint">
            {t("hub.services.rule.belowHint")}
          </p>
          <FieldError id={`${id}-below-error`} text={error("below")} />
        </div>
      ) : null}
      {info?.kind === "choice" || info?.kind === "cell" ? (
        <fieldset className="rule__when">
          <legend>{t("hub.services.rule.when")}</legend>
          {(["false", "true"] as const).map((when) => (
            <div key={when} className="checkbox">
              <input
                type="radio"
                id={`${id}-when-${when}`}
                name={`${at}.when`}
                value={when}
                defaultChecked={rule.when === when}
              />
              <label htmlFor={`${id}-when-${when}`}>
                {t(`hub.services.rule.${info.kind}.${when}`)}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {info?.kind === "row" ? (
        <fieldset
          className="rule__when"
          aria-describedby={error("values") ? `${id}-values-error` : undefined}
        >
          <legend>{t("hub.services.rule.values")}</legend>
          {(info.values ?? []).map((v) => (
            <div key={v.value} className="checkbox">
              <input
                type="checkbox"
                id={`${id}-value-${v.value}`}
                name={`${at}.values`}
                value={v.value}
                defaultChecked={rule.values.includes(v.value)}
              />
              <label htmlFor={`${id}-value-${v.value}`}>{v.label}</label>
            </div>
          ))}
          <FieldError id={`${id}-values-error`} text={error("values")} />
        </fieldset>
      ) : null}
      {target !== "" && target !== rule.target ? (
        <p className="note">{t("hub.services.rule.changed")}</p>
      ) : null}
      {!isNew && count !== undefined && sample !== undefined && target === rule.target ? (
        <p className="rule__preview" data-testid="rule-preview">
          {count === null
            ? t("hub.services.preview.invalid")
            : t("hub.services.preview.rule", { count, sample })}
        </p>
      ) : null}
      {!isNew ? (
        <div className="checkbox">
          <input type="checkbox" id={`${id}-remove`} name={`${at}.remove`} value="1" />
          <label htmlFor={`${id}-remove`}>{t("hub.services.rule.remove")}</label>
        </div>
      ) : null}
    </fieldset>
  );
}

/** The form of one service: its texts, category, priority, contact and rules, with a preview. */
export function ServiceEditor(props: ServiceEditorProps) {
  const { id, values, errors, revision, choices, preview, refusal } = props;
  const { t, lang } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const error = (field: string) => {
    const code = errors[field];
    return code ? t(`hub.services.error.${code}`) : undefined;
  };
  const hasErrors = Object.keys(errors).length > 0;
  // Always one empty rule to fill in at the end.
  const rules = values.rules.at(-1)?.target === "" ? values.rules : [...values.rules, EMPTY_RULE];
  const editRefused = refusal === "stale" || refusal === "idTaken";
  return (
    <article className="service-editor">
      <p>
        <Link to="/hub/services">{t("hub.services.back")}</Link>
      </p>
      <h1>{id ? (lang === "sv" ? values.nameSv : values.nameEn) || id : t("hub.services.new")}</h1>
      {id ? (
        <p className="note" data-testid="service-status">
          {props.active ? t("hub.services.active") : t("hub.services.inactive")}
          {". "}
          {t("hub.services.lastEdited", {
            date: formatStaffDate(lang, props.updatedAt, "dateTime"),
            who: props.updatedBy ?? t("hub.services.seed"),
          })}
        </p>
      ) : null}
      {props.saved ? (
        <p className="success-summary" role="status">
          {t(`hub.services.done.${props.saved}`, { defaultValue: t("hub.services.done.saved") })}
        </p>
      ) : null}
      {refusal === "unchanged" ? (
        <p className="success-summary" role="status">
          {t("hub.services.refusal.unchanged")}
        </p>
      ) : null}
      {hasErrors || editRefused ? (
        <FormAlert result={props.reply}>
          {refusal === "stale" ? (
            <p>
              {t("hub.services.refusal.stale")}{" "}
              <a href={`/hub/services/${id}`}>{t("hub.services.refusal.reload")}</a>
            </p>
          ) : (
            <p>{t("hub.services.refusal.invalid")}</p>
          )}
        </FormAlert>
      ) : null}
      {preview ? (
        <p className="service-preview" data-testid="service-preview">
          {preview.sample === 0
            ? t("hub.services.preview.noAssessments")
            : t("hub.services.preview.service", { count: preview.service, sample: preview.sample })}
        </p>
      ) : null}
      <Form method="post" noValidate className="service-form">
        {revision !== null ? <input type="hidden" name="revision" value={revision} /> : null}
        <fieldset className="fieldset">
          <legend>{t("hub.services.about")}</legend>
          {id ? null : (
            <TextField
              name="id"
              label={t("hub.services.field.id")}
              hint={t("hub.services.field.idHint")}
              value={values.id}
              error={error("id")}
            />
          )}
          <TextField
            name="name_sv"
            label={t("hub.services.field.nameSv")}
            value={values.nameSv}
            error={error("name_sv")}
          />
          <TextField
            name="name_en"
            label={t("hub.services.field.nameEn")}
            value={values.nameEn}
            error={error("name_en")}
          />
          <TextField
            name="description_sv"
            label={t("hub.services.field.descriptionSv")}
            value={values.descriptionSv}
            error={error("description_sv")}
            multiline
          />
          <TextField
            name="description_en"
            label={t("hub.services.field.descriptionEn")}
            value={values.descriptionEn}
            error={error("description_en")}
            multiline
          />
          <div className="field">
            <label htmlFor="service-category">{t("hub.services.field.category")}</label>
            <select
              id="service-category"
              name="category"
              defaultValue={values.category}
              aria-invalid={error("category") ? true : undefined}
              aria-describedby={error("category") ? "service-category-error" : undefined}
            >
              <option value="">{t("hub.services.rule.choose")}</option>
              {SERVICE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`recommendations.category.${c}`)}
                </option>
              ))}
            </select>
            <FieldError id="service-category-error" text={error("category")} />
          </div>
          <div className="field">
            <label htmlFor="service-priority">{t("hub.services.field.priority")}</label>
            <select
              id="service-priority"
              name="priority"
              defaultValue={values.priority}
              aria-invalid={error("priority") ? true : undefined}
              aria-describedby="service-priority-hint"
            >
              {["1", "2", "3"].map((p) => (
                <option key={p} value={p}>
                  {t(`hub.services.priority.${p}`)}
                </option>
              ))}
            </select>
            <p id="service-priority-hint" className="field__hint">
              {t("hub.services.field.priorityHint")}
            </p>
            <FieldError id="service-priority-error" text={error("priority")} />
          </div>
          <TextField
            name="email"
            type="email"
            label={t("hub.services.field.email")}
            hint={t("hub.services.field.contactHint")}
            value={values.email}
            error={error("email")}
          />
          <TextField
            name="url"
            type="url"
            label={t("hub.services.field.url")}
            value={values.url}
            error={error("url")}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("hub.services.rules")}</legend>
          <p className="note">{t("hub.services.rulesIntro")}</p>
          {error("rules") ? (
            <p className="field__error" id="service-rules-error">
              {error("rules")}
            </p>
          ) : null}
          {rules.map((rule, i) => (
            <RuleFields
              key={`${i}-${rule.target}`}
              index={i}
              rule={rule}
              choices={choices}
              errors={errors}
              count={preview?.rules[i]}
              sample={preview?.sample}
            />
          ))}
        </fieldset>
        <div className="button-row">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button button--primary"
            disabled={busy}
          >
            {id ? t("hub.services.save") : t("hub.services.create")}
          </button>
          <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
            {t("hub.services.updatePreview")}
          </button>
        </div>
      </Form>
      {id && revision !== null ? (
        <Form method="post" className="service-activation">
          <input type="hidden" name="revision" value={revision} />
          <p className="note">
            {props.active ? t("hub.services.deactivateHint") : t("hub.services.reactivateHint")}
          </p>
          <button
            type="submit"
            name="intent"
            value={props.active ? "deactivate" : "reactivate"}
            className={props.active ? "button button--danger" : "button"}
            disabled={busy}
          >
            {props.active ? t("hub.services.deactivate") : t("hub.services.reactivate")}
          </button>
        </Form>
      ) : null}
    </article>
  );
}
