import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormAlert } from "../components/form-alert";
import { useTranslation } from "../components/i18n";
import { SubmitButton } from "../components/staff-fields";
import {
  assertSameOrigin,
  getStaffSession,
  sessionCookieHeader,
  staffRedirect,
} from "../lib/http/guards.server";
import { getFixedT } from "../lib/server/i18n.server";
import { verifySecondFactor } from "../lib/server/sign-in.server";

/** Only a session whose password was right and whose code is still due may be here. */
async function requirePendingSession(request: Request) {
  const session = await getStaffSession(request);
  if (!session) throw redirect("/hub/login");
  if (session.stage === "full") throw redirect("/hub");
  return session;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePendingSession(request);
  const t = await getFixedT(request);
  return { title: `${t("hub.code.title")} – ${t("app.name")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const CodeSchema = z.object({
  code: z.string().trim().min(1).max(40),
  redirectTo: z.string().max(2_000).optional(),
});

type ActionData = { error: "invalid" } | { error: "throttled"; minutes: number };

/** Checks the authenticator's code (or a recovery code) and completes the sign-in. */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const session = await requirePendingSession(request);
  const parsed = CodeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "invalid" } satisfies ActionData, { status: 400 });
  const result = await verifySecondFactor(session, parsed.data.code, {
    ip: context.clientAddress,
    userAgent: request.headers.get("User-Agent"),
  });
  if (!result.ok) {
    if (result.reason === "throttled") {
      return data(
        {
          error: "throttled",
          minutes: Math.ceil(result.retryAfterSeconds / 60),
        } satisfies ActionData,
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return data({ error: "invalid" } satisfies ActionData, { status: 401 });
  }
  return redirect(staffRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await sessionCookieHeader(result.token) },
  });
}

export default function SecondFactorCode() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <article className="form-page">
      <h1>{t("hub.code.title")}</h1>
      <p className="lead">{t("hub.code.intro")}</p>
      {result ? (
        <FormAlert result={result}>
          {result.error === "throttled"
            ? t("hub.login.throttled", { minutes: result.minutes })
            : t("hub.code.invalid")}
        </FormAlert>
      ) : null}
      <Form method="post" className="staff-form">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <div className="field">
          <label htmlFor="code">{t("hub.code.label")}</label>
          <p id="code-hint" className="field__hint">
            {t("hub.code.hint")}
          </p>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            aria-describedby="code-hint"
            required
            maxLength={40}
          />
        </div>
        <SubmitButton>{t("hub.code.submit")}</SubmitButton>
      </Form>
      <Form method="post" action="/hub/logout" className="secondary-action">
        <button type="submit" className="button button--small">
          {t("hub.code.cancel")}
        </button>
      </Form>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
