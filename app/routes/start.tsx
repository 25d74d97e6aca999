import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldErrorList, FormAlert } from "../components/form-alert";
import { CustomerWording, useTranslation } from "../components/i18n";
import { createAssessment } from "../lib/server/assessments.server";
import { RateLimited } from "../lib/server/creation-limit.server";
import {
  CUSTOMER_TYPES,
  GOVERNMENT_AREAS,
  ORGANISATION_TYPES,
  PSO_SIZE_CLASSES,
  REGIONS,
  SECTORS,
  SIZE_CLASSES,
  type CustomerTypeId,
} from "../lib/core/vocabularies";
import { getFixedT, getLanguage } from "../lib/server/i18n.server";
import {
  customerTypeOf,
  parseProfile,
  profileFieldsOf,
  type ProfileErrors,
  type ProfileField,
} from "../lib/core/profile";
import { customerWording } from "../lib/view/translate";

/**
 * `/start` asks first who is answering (a company or a public sector organisation);
 * `/start?type=sme|pso` (the link a hub sends) goes straight to that profile form.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const asked = new URL(request.url).searchParams.get("type");
  const type = asked === null ? undefined : CUSTOMER_TYPES.find((id) => id === asked);
  const wording = customerWording(t, type ?? "sme");
  const title = `${type ? wording("profile.title") : t("customerType.title")} – ${t("app.name")}`;
  // An unknown type in the link is the link's fault: say so, and let the visitor choose.
  return data(
    { title, type, unknownType: asked !== null && !type },
    { status: asked !== null && !type ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

type ActionData = { errors: ProfileErrors; values: Record<string, string>; rateLimited?: boolean };

/** Creates the organisation and its assessment, then sends the respondent to the private link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = Object.fromEntries(
    [...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
  );
  const parsed = parseProfile(values);
  if (!parsed.ok) {
    return data({ errors: parsed.errors, values } satisfies ActionData, { status: 400 });
  }
  try {
    // Only a creation counts against the address's limit: typos above never do.
    const { token } = await createAssessment(
      parsed.profile,
      await getLanguage(request),
      undefined,
      { clientAddress: context.clientAddress },
    );
    return redirect(`/a/${token}`);
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    return data({ errors: {}, values, rateLimited: true } satisfies ActionData, {
      status: 429,
      headers: { "Retry-After": String(error.retryAfterSeconds) },
    });
  }
}

/** The page of a refused post keeps the action's Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export default function Start() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  // After a refused post, the form of the type that was posted.
  const type = result ? customerTypeOf(result.values) : loaded.type;
  return type ? (
    <CustomerWording customerType={type}>
      <ProfileForm type={type} result={result} />
    </CustomerWording>
  ) : (
    <CustomerTypeChoice unknownType={loaded.unknownType || result !== undefined} />
  );
}

/** The first question: a company or a public sector organisation (a plain GET form). */
function CustomerTypeChoice({ unknownType }: { unknownType: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="form-page">
      <h1>{t("customerType.title")}</h1>
      <p className="lead">{t("customerType.intro")}</p>
      {unknownType ? (
        <p className="error-summary" role="alert">
          {t("customerType.unknown")}
        </p>
      ) : null}
      <Form method="get" className="profile-form">
        <fieldset className="fieldset choice-list">
          <legend>{t("customerType.legend")}</legend>
          {CUSTOMER_TYPES.map((id, i) => (
            <div key={id} className="choice">
              <input
                id={`type-${id}`}
                type="radio"
                name="type"
                value={id}
                required
                defaultChecked={i === 0}
                aria-describedby={`type-${id}-hint`}
              />
              <label htmlFor={`type-${id}`}>
                <strong>{t(`customerType.${id}`)}</strong>
                <span id={`type-${id}-hint`} className="field__hint">
                  {t(`customerType.${id}Hint`)}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary">
          {t("customerType.continue")}
        </button>
      </Form>
    </article>
  );
}

/** The company's or the public sector organisation's profile (module 1 of its DMA). */
function ProfileForm({ type, result }: { type: CustomerTypeId; result: ActionData | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const hasErrors = Object.keys(errors).length > 0 || result?.rateLimited;

  const field = (name: ProfileField, hint?: string) => {
    const describedBy = [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean);
    return {
      id: name,
      name,
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
    };
  };
  const error = (name: ProfileField) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field__error">
        {t(`profile.errors.${errors[name]}`)}
      </p>
    ) : null;

  /** A labelled select of one of the fixed vocabularies, with its error. */
  const select = (
    name: ProfileField,
    ids: readonly string[],
    labels: "sizeClass" | "sector" | "region" | "organisationType" | "governmentArea",
    options: { required: boolean; hint?: string },
  ) => (
    <div className="field">
      <label htmlFor={name}>{t(`profile.${name}`)}</label>
      {options.hint ? (
        <p id={`${name}-hint`} className="field__hint">
          {options.hint}
        </p>
      ) : null}
      <select
        {...field(name, options.hint ? `${name}-hint` : undefined)}
        required={options.required}
        defaultValue={values[name] ?? ""}
      >
        <option value="">{t(options.required ? "profile.choose" : "profile.none")}</option>
        {ids.map((id) => (
          <option key={id} value={id}>
            {t(`${labels}.${id}`)}
          </option>
        ))}
      </select>
      {error(name)}
    </div>
  );
  const nameField = type === "pso" ? "organisationName" : "companyName";

  return (
    <article className="form-page">
      <h1>{t("profile.title")}</h1>
      <p className="lead">{t("profile.intro")}</p>
      <p className="answering-as">
        {t("customerType.answeringAs", { type: t(`customerType.${type}`) })}{" "}
        <Link to="/start">{t("customerType.change")}</Link>
      </p>
      {hasErrors ? (
        <FormAlert result={result}>
          {result?.rateLimited ? t("profile.rateLimited") : t("profile.errorSummary")}
          <FieldErrorList
            errors={profileFieldsOf(type, errors).map((name) => ({
              id: name,
              label: t(`profile.${name}`),
              message: t(`profile.errors.${errors[name]}`),
            }))}
          />
        </FormAlert>
      ) : null}
      <Form method="post" noValidate className="profile-form">
        <input type="hidden" name="customerType" value={type} />
        <div className="field">
          <label htmlFor={nameField}>{t(`profile.${nameField}`)}</label>
          <input
            {...field(nameField)}
            type="text"
            autoComplete="organization"
            required
            maxLength={200}
            defaultValue={values[nameField]}
          />
          {error(nameField)}
        </div>
        <div className="field">
          <label htmlFor="orgNumber">{t("profile.orgNumber")}</label>
          <p id="orgNumber-hint" className="field__hint">
            {t("profile.orgNumberHint")}
          </p>
          <input
            {...field("orgNumber", "orgNumber-hint")}
            type="text"
            inputMode="text"
            required
            maxLength={40}
            defaultValue={values.orgNumber}
          />
          {error("orgNumber")}
        </div>
        {type === "pso" ? (
          <>
            {select("organisationType", ORGANISATION_TYPES, "organisationType", {
              required: true,
            })}
            {select("sizeClass", PSO_SIZE_CLASSES, "sizeClass", { required: true })}
            {select("primaryArea", GOVERNMENT_AREAS, "governmentArea", {
              required: true,
              hint: t("pso.profile.areaHint"),
            })}
            {select("secondaryArea", GOVERNMENT_AREAS, "governmentArea", { required: false })}
          </>
        ) : (
          <>
            {select("sizeClass", SIZE_CLASSES, "sizeClass", { required: true })}
            {select("primarySector", SECTORS, "sector", { required: true })}
            {select("secondarySector", SECTORS, "sector", { required: false })}
          </>
        )}
        {select("region", REGIONS, "region", { required: true })}
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
