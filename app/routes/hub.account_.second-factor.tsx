import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormAlert } from "../components/form-alert";
import { useTranslation } from "../components/i18n";
import { RecoveryCodes } from "../components/recovery-codes";
import { requireStaff } from "../lib/http/guards.server";
import { getFixedT } from "../lib/server/i18n.server";
import {
  beginSecondFactorSetup,
  confirmSecondFactor,
  secondFactorRequired,
} from "../lib/server/second-factor.server";

/** Setting up TOTP: the QR code and the secret as text, then a code to prove it works. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaff(request, undefined, { allowWithoutRequiredSecondFactor: true });
  // Null once the second factor is on (also when this page reloads after turning it on).
  const setup = await beginSecondFactorSetup(actor);
  const t = await getFixedT(request);
  return {
    title: `${t("hub.secondFactor.title")} – ${t("app.name")}`,
    required: secondFactorRequired(actor.role),
    setup: setup && { qrDataUrl: setup.qrDataUrl, secret: setup.secret },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const ConfirmSchema = z.object({ code: z.string().trim().max(20) });

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaff(request, undefined, { allowWithoutRequiredSecondFactor: true });
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(await request.formData()));
  const codes = parsed.success
    ? await confirmSecondFactor(actor, parsed.data.code, context.clientAddress)
    : null;
  if (!codes) return data({ codes: null, error: true }, { status: 400 });
  return { codes, error: false };
}

export default function SecondFactorSetup() {
  const { required, setup } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.codes) {
    return (
      <article className="form-page">
        <h1>{t("hub.secondFactor.doneTitle")}</h1>
        <RecoveryCodes codes={result.codes} />
        <p>
          <Link to="/hub" className="button button--primary">
            {t("hub.secondFactor.continue")}
          </Link>
        </p>
      </article>
    );
  }
  if (!setup) {
    return (
      <article className="form-page">
        <h1>{t("hub.secondFactor.doneTitle")}</h1>
        <p>
          <Link to="/hub/account" className="button">
            {t("hub.nav.account")}
          </Link>
        </p>
      </article>
    );
  }
  return (
    <article className="form-page">
      <h1>{t("hub.secondFactor.title")}</h1>
      {required ? (
        <p className="notice" role="status">
          {t("hub.secondFactor.required")}
        </p>
      ) : null}
      <ol className="steps">
        <li>{t("hub.secondFactor.step1")}</li>
        <li>
          {t("hub.secondFactor.step2")}
          <div className="qr-code">
            <img src={setup.qrDataUrl} alt={t("hub.secondFactor.qrAlt")} width={200} height={200} />
          </div>
          <p>
            {t("hub.secondFactor.secretText")} <code data-testid="totp-secret">{setup.secret}</code>
          </p>
        </li>
        <li>{t("hub.secondFactor.step3")}</li>
      </ol>
      {result?.error ? (
        <FormAlert result={result}>{t("hub.secondFactor.wrongCode")}</FormAlert>
      ) : null}
      <Form method="post" className="staff-form">
        <div className="field">
          <label htmlFor="code">{t("hub.secondFactor.codeLabel")}</label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            required
            maxLength={20}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t("hub.secondFactor.confirm")}
        </button>
      </Form>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
