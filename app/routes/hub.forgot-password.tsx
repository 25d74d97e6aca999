import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { FormAlert } from "../components/form-alert";
import { useTranslation } from "../components/i18n";
import { SubmitButton } from "../components/staff-fields";
import { assertSameOrigin } from "../lib/http/guards.server";
import { getFixedT } from "../lib/server/i18n.server";
import { RateLimited } from "../lib/server/creation-limit.server";
import { mailConfigured } from "../lib/server/mail.server";
import { requestPasswordReset } from "../lib/server/staff.server";

/** Self-service reset: only where email can be sent (otherwise a hub lead issues the link). */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!mailConfigured()) throw redirect("/hub/login");
  const t = await getFixedT(request);
  return { title: `${t("hub.forgot.title")} – ${t("app.name")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const ForgotSchema = z.object({ email: z.string().trim().email().max(254) });

/** Sends a link if the account exists, and says the same either way. */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  if (!mailConfigured()) throw redirect("/hub/login");
  const parsed = ForgotSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ sent: false, invalid: true, throttled: false }, { status: 400 });
  }
  try {
    await requestPasswordReset(
      parsed.data.email,
      context.clientAddress,
      new URL(request.url).origin,
    );
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    return data(
      { sent: false, invalid: false, throttled: true },
      { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
    );
  }
  return { sent: true, invalid: false, throttled: false };
}

/** The page of a refused post keeps the action's Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <article className="form-page">
      <h1>{t("hub.forgot.title")}</h1>
      {result?.sent ? (
        <p className="success-summary" role="status">
          {t("hub.forgot.sent")}
        </p>
      ) : (
        <>
          <p className="lead">{t("hub.forgot.intro")}</p>
          {result?.invalid ? (
            <FormAlert result={result}>{t("hub.forgot.invalid")}</FormAlert>
          ) : null}
          {result?.throttled ? (
            <FormAlert result={result}>{t("hub.forgot.throttled")}</FormAlert>
          ) : null}
          <Form method="post" className="staff-form">
            <div className="field">
              <label htmlFor="email">{t("hub.login.email")}</label>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                required
                maxLength={254}
              />
            </div>
            <SubmitButton>{t("hub.forgot.submit")}</SubmitButton>
          </Form>
        </>
      )}
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
