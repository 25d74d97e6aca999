import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "../components/i18n";
import { creationLimiter } from "../lib/http/api.server";
import { createAssessment } from "../lib/server/assessments.server";
import { REGIONS, SECTORS, SIZE_CLASSES } from "../lib/core/vocabularies";
import { getFixedT, getLanguage } from "../lib/server/i18n.server";
import { parseProfile, type ProfileErrors, type ProfileField } from "../lib/core/profile";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: `${t("profile.title")} – ${t("app.name")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

type ActionData = { errors: ProfileErrors; values: Record<string, string>; rateLimited?: boolean };

/** Creates the company and its assessment, then sends the respondent to the private link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = Object.fromEntries(
    [...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
  );
  const limit = creationLimiter().take(context.clientAddress);
  if (!limit.ok) {
    return data({ errors: {}, values, rateLimited: true } satisfies ActionData, {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
    });
  }
  const parsed = parseProfile(values);
  if (!parsed.ok) {
    return data({ errors: parsed.errors, values } satisfies ActionData, { status: 400 });
  }
  const { token } = await createAssessment(parsed.profile, await getLanguage(request));
  return redirect(`/a/${token}`);
}

export default function Start() {
  const { t } = useTranslation();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = Object.keys(errors).length > 0 || result?.rateLimited;

  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [result, hasErrors]);

  const field = (name: ProfileField) => ({
    id: name,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  const error = (name: ProfileField) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field__error">
        {t(`profile.errors.${errors[name]}`)}
      </p>
    ) : null;

  /** A labelled select of one of the catalog's vocabularies, with its error. */
  const select = (
    name: ProfileField,
    ids: readonly string[],
    labels: "sizeClass" | "sector" | "region",
    emptyLabel: string,
    required: boolean,
  ) => (
    <div className="field">
      <label htmlFor={name}>{t(`profile.${name}`)}</label>
      <select {...field(name)} required={required} defaultValue={values[name] ?? ""}>
        <option value="">{t(emptyLabel)}</option>
        {ids.map((id) => (
          <option key={id} value={id}>
            {t(`${labels}.${id}`)}
          </option>
        ))}
      </select>
      {error(name)}
    </div>
  );

  return (
    <article className="form-page">
      <h1>{t("profile.title")}</h1>
      <p className="lead">{t("profile.intro")}</p>
      {hasErrors ? (
        <div ref={summary} className="error-summary" role="alert" tabIndex={-1}>
          {result?.rateLimited ? t("profile.rateLimited") : t("profile.errorSummary")}
        </div>
      ) : null}
      <Form method="post" noValidate className="profile-form">
        <div className="field">
          <label htmlFor="companyName">{t("profile.companyName")}</label>
          <input
            {...field("companyName")}
            type="text"
            autoComplete="organization"
            required
            maxLength={200}
            defaultValue={values.companyName}
          />
          {error("companyName")}
        </div>
        <div className="field">
          <label htmlFor="orgNumber">{t("profile.orgNumber")}</label>
          <p id="orgNumber-hint" className="field__hint">
            {t("profile.orgNumberHint")}
          </p>
          <input
            {...field("orgNumber")}
            aria-describedby={
              errors.orgNumber ? "orgNumber-hint orgNumber-error" : "orgNumber-hint"
            }
            type="text"
            inputMode="text"
            required
            maxLength={40}
            defaultValue={values.orgNumber}
          />
          {error("orgNumber")}
        </div>
        {select("sizeClass", SIZE_CLASSES, "sizeClass", "profile.choose", true)}
        {select("primarySector", SECTORS, "sector", "profile.choose", true)}
        {select("secondarySector", SECTORS, "sector", "profile.none", false)}
        {select("region", REGIONS, "region", "profile.choose", true)}
        <fieldset className="fieldset">
          <legend>{t("profile.contactTitle")}</legend>
          <div className="field">
            <label htmlFor="contactName">{t("profile.contactName")}</label>
            <input
              {...field("contactName")}
              type="text"
              autoComplete="name"
              required
              maxLength={120}
              defaultValue={values.contactName}
            />
            {error("contactName")}
          </div>
          <div className="field">
            <label htmlFor="contactRole">{t("profile.contactRole")}</label>
            <input
              {...field("contactRole")}
              type="text"
              autoComplete="organization-title"
              maxLength={120}
              defaultValue={values.contactRole}
            />
            {error("contactRole")}
          </div>
          <div className="field">
            <label htmlFor="contactEmail">{t("profile.contactEmail")}</label>
            <input
              {...field("contactEmail")}
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={values.contactEmail}
            />
            {error("contactEmail")}
          </div>
        </fieldset>
        <section className="fieldset" aria-labelledby="questionnaire-title">
          <h2 id="questionnaire-title">{t("profile.questionnaireTitle")}</h2>
          <p>{t("profile.questionnaire")}</p>
        </section>
        <fieldset className="fieldset">
          <legend>{t("profile.consentTitle")}</legend>
          <div className="checkbox">
            <input
              id="consentAdvisers"
              name="consentAdvisers"
              type="checkbox"
              defaultChecked={values.consentAdvisers === "on"}
            />
            <label htmlFor="consentAdvisers">{t("profile.consentAdvisers")}</label>
          </div>
          <div className="checkbox">
            <input
              id="consentBenchmark"
              name="consentBenchmark"
              type="checkbox"
              defaultChecked={values.consentBenchmark === "on"}
            />
            <label htmlFor="consentBenchmark">{t("profile.consentBenchmark")}</label>
          </div>
          <p>
            <Link to="/privacy" target="_blank">
              {t("profile.privacyLink")}
            </Link>
          </p>
        </fieldset>
        <button
          type="submit"
          className="button button--primary"
          disabled={navigation.state === "submitting"}
        >
          {t("profile.submit")}
        </button>
      </Form>
    </article>
  );
}
