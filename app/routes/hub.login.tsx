import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormAlert } from "../components/form-alert";
import { useTranslation } from "../components/i18n";
import { PasswordField, SubmitButton } from "../components/staff-fields";
import {
  assertSameOrigin,
  getStaff,
  sessionCookieHeader,
  staffRedirect,
} from "../lib/http/guards.server";
import { existingDemoAccounts, DEMO_PASSWORD } from "../lib/server/demo-staff.server";
import { getFixedT } from "../lib/server/i18n.server";
import { mailConfigured } from "../lib/server/mail.server";
import { signIn } from "../lib/server/sign-in.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (await getStaff(request)) throw redirect(staffRedirect(redirectTo));
  const t = await getFixedT(request);
  const demo = await existingDemoAccounts();
  return {
    title: `${t("hub.login.title")} – ${t("app.name")}`,
    demo: demo.length > 0 ? { accounts: demo, password: DEMO_PASSWORD } : null,
    canResetByEmail: mailConfigured(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const SignInSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1_000),
  redirectTo: z.string().max(2_000).optional(),
});

type ActionData =
  | { error: "missing" | "invalid" | "disabled"; email: string }
  | { error: "throttled"; email: string; minutes: number };

/** Checks the email and password; then the staff home, or the second-factor code page. */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = Object.fromEntries(await request.formData());
  const parsed = SignInSchema.safeParse(form);
  const email = typeof form.email === "string" ? form.email.slice(0, 254) : "";
  if (!parsed.success) {
    return data({ error: "missing", email } satisfies ActionData, { status: 400 });
  }
  const result = await signIn(parsed.data, {
    ip: context.clientAddress,
    userAgent: request.headers.get("User-Agent"),
  });
  if (!result.ok) {
    if (result.reason === "throttled") {
      return data(
        {
          error: "throttled",
          email,
          minutes: Math.ceil(result.retryAfterSeconds / 60),
        } satisfies ActionData,
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return data({ error: result.reason, email } satisfies ActionData, { status: 401 });
  }
  const target = staffRedirect(parsed.data.redirectTo);
  const next =
    result.stage === "full"
      ? target
      : `/hub/login/code${target === "/hub" ? "" : `?redirectTo=${encodeURIComponent(target)}`}`;
  return redirect(next, { headers: { "Set-Cookie": await sessionCookieHeader(result.token) } });
}

export default function SignIn() {
  const { demo, canResetByEmail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <article className="form-page">
      <h1>{t("hub.login.title")}</h1>
      <p className="lead">{t("hub.login.intro")}</p>
      {params.get("passwordSet") && !result ? (
        <p className="success-summary" role="status">
          {t("hub.login.passwordSet")}
        </p>
      ) : null}
      {result ? (
        <FormAlert result={result}>
          {result.error === "throttled"
            ? t("hub.login.throttled", { minutes: result.minutes })
            : t(`hub.login.${result.error}`)}
        </FormAlert>
      ) : null}
      <Form method="post" className="staff-form">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <div className="field">
          <label htmlFor="email">{t("hub.login.email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            maxLength={254}
            defaultValue={result?.email}
          />
        </div>
        <PasswordField id="password" label={t("hub.login.password")} kind="current" />
        <SubmitButton busy={t("hub.login.signingIn")}>{t("hub.login.submit")}</SubmitButton>
      </Form>
      <p className="note">
        {canResetByEmail ? (
          <a href="/hub/forgot-password">{t("hub.login.forgot")}</a>
        ) : (
          t("hub.login.forgotAskLead")
        )}
      </p>
      {demo ? (
        <aside className="demo-accounts" aria-labelledby="demo-title" data-testid="demo-accounts">
          <h2 id="demo-title">{t("hub.login.demoTitle")}</h2>
          <p>{t("hub.login.demoIntro")}</p>
          <ul>
            {demo.accounts.map((account) => (
              <li key={account.email}>
                <code>{account.email}</code> — {account.name}, {t(`hub.role.${account.role}`)}
              </li>
            ))}
          </ul>
          <p>
            {t("hub.login.demoPassword")} <code>{demo.password}</code>
          </p>
        </aside>
      ) : null}
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
