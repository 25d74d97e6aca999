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
import { PasswordField } from "../components/staff-fields";
import { MIN_PASSWORD_LENGTH } from "../lib/core/password-rules";
import { requireStaffSession } from "../lib/http/guards.server";
import { getFixedT } from "../lib/server/i18n.server";
import {
  disableSecondFactor,
  renewRecoveryCodes,
  secondFactorStatus,
} from "../lib/server/second-factor.server";
import { endUserSessions, openSessions } from "../lib/server/sessions.server";
import { changePassword, StaffError } from "../lib/server/staff.server";
import { audit } from "../lib/server/audit.server";
import { RecoveryCodes } from "../components/recovery-codes";
import { formatStaffDate } from "../lib/view/dates";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, session } = await requireStaffSession(request, {
    allowWithoutRequiredSecondFactor: true,
  });
  const t = await getFixedT(request);
  const sessions = await openSessions(actor.id);
  return {
    title: `${t("hub.account.title")} – ${t("app.name")}`,
    person: { name: actor.name, email: actor.email, role: actor.role },
    secondFactor: await secondFactorStatus(actor),
    sessions: sessions.map((s) => ({
      current: s.id === session.sessionId,
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      ip: s.ip,
      userAgent: s.user_agent,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const AccountFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("password"),
    current: z.string().max(1_000),
    next: z.string().max(1_000),
    confirm: z.string().max(1_000),
  }),
  z.object({ intent: z.literal("renew-codes") }),
  z.object({ intent: z.literal("disable-second-factor"), password: z.string().max(1_000) }),
  z.object({ intent: z.literal("sign-out-others") }),
]);

type ActionData =
  | { intent: "password"; ok: true }
  | { intent: "password"; error: string }
  | { intent: "renew-codes"; codes: string[] }
  | { intent: "disable-second-factor"; ok: true }
  | { intent: "disable-second-factor"; error: string }
  | { intent: "sign-out-others"; ended: number }
  | { intent: "invalid" };

/** Password change, recovery codes, turning the second factor off, ending other sessions. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, session } = await requireStaffSession(request, {
    allowWithoutRequiredSecondFactor: true,
  });
  const parsed = AccountFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ intent: "invalid" } satisfies ActionData, { status: 400 });
  const form = parsed.data;
  const ip = context.clientAddress;
  try {
    switch (form.intent) {
      case "password":
        if (form.next !== form.confirm) {
          return data({ intent: "password", error: "mismatch" } satisfies ActionData, {
            status: 400,
          });
        }
        await changePassword(
          actor,
          session.sessionId,
          { current: form.current, next: form.next },
          ip,
        );
        return { intent: "password", ok: true } satisfies ActionData;
      case "renew-codes": {
        const codes = await renewRecoveryCodes(actor, ip);
        if (!codes) return data({ intent: "invalid" } satisfies ActionData, { status: 409 });
        return { intent: "renew-codes", codes } satisfies ActionData;
      }
      case "disable-second-factor":
        await disableSecondFactor(actor, form.password, ip);
        return { intent: "disable-second-factor", ok: true } satisfies ActionData;
      case "sign-out-others": {
        const ended = await endUserSessions(actor.id, session.sessionId);
        await audit({
          actor,
          action: "sign_out.everywhere",
          details: { sessions: ended, keptCurrent: true },
          ip,
        });
        return { intent: "sign-out-others", ended } satisfies ActionData;
      }
    }
  } catch (error) {
    if (error instanceof StaffError) {
      return data({ intent: form.intent, error: error.code } as ActionData, { status: 400 });
    }
    throw error;
  }
}

export default function Account() {
  const { person, secondFactor, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t, lang } = useTranslation();
  const message = (intent: string) =>
    result && result.intent === intent && "error" in result ? (
      <FormAlert result={result}>
        {t(`hub.password.${result.error}`, { min: MIN_PASSWORD_LENGTH })}
      </FormAlert>
    ) : null;
  return (
    <article className="account-page">
      <h1>{t("hub.account.title")}</h1>
      <p className="meta-line">
        {person.name}, {person.email} — {t(`hub.role.${person.role}`)}
      </p>

      <section aria-labelledby="password-title" className="fieldset">
        <h2 id="password-title">{t("hub.account.passwordTitle")}</h2>
        {result?.intent === "password" && "ok" in result ? (
          <p className="success-summary" role="status">
            {t("hub.account.passwordChanged")}
          </p>
        ) : null}
        {message("password")}
        <Form method="post" className="staff-form">
          <input type="hidden" name="intent" value="password" />
          <input
            type="hidden"
            name="username"
            autoComplete="username"
            value={person.email}
            readOnly
          />
          <PasswordField id="current" label={t("hub.account.current")} kind="current" />
          <PasswordField id="next" label={t("hub.account.next")} kind="new" />
          <PasswordField id="confirm" label={t("hub.account.confirm")} kind="confirm" />
          <button type="submit" className="button button--primary">
            {t("hub.account.changePassword")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="second-factor-title" className="fieldset">
        <h2 id="second-factor-title">{t("hub.account.secondFactorTitle")}</h2>
        {secondFactor.enabled ? (
          <>
            <p data-testid="second-factor-status">
              {t("hub.account.secondFactorOn", { count: secondFactor.recoveryCodesLeft })}
            </p>
            {result?.intent === "renew-codes" && "codes" in result ? (
              <RecoveryCodes codes={result.codes} />
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="renew-codes" />
              <button type="submit" className="button">
                {t("hub.account.renewCodes")}
              </button>
            </Form>
            {secondFactor.required ? (
              <p className="note">{t("hub.account.secondFactorRequired")}</p>
            ) : (
              <Form method="post" className="staff-form staff-form--inline">
                <input type="hidden" name="intent" value="disable-second-factor" />
                {message("disable-second-factor")}
                <PasswordField
                  id="disable-password"
                  name="password"
                  label={t("hub.account.passwordToDisable")}
                  kind="current"
                />
                <button type="submit" className="button">
                  {t("hub.account.disableSecondFactor")}
                </button>
              </Form>
            )}
          </>
        ) : (
          <>
            {result?.intent === "disable-second-factor" && "ok" in result ? (
              <p className="success-summary" role="status">
                {t("hub.account.secondFactorDisabled")}
              </p>
            ) : null}
            <p data-testid="second-factor-status">
              {secondFactor.required
                ? t("hub.account.secondFactorMust")
                : t("hub.account.secondFactorOff")}
            </p>
            <p>
              <Link to="/hub/account/second-factor" className="button button--primary">
                {t("hub.account.setUpSecondFactor")}
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="sessions-title" className="fieldset">
        <h2 id="sessions-title">{t("hub.account.sessionsTitle")}</h2>
        {result?.intent === "sign-out-others" ? (
          <p className="success-summary" role="status">
            {t("hub.account.othersEnded", { count: result.ended })}
          </p>
        ) : null}
        <ul className="session-list">
          {sessions.map((s, i) => (
            <li key={i}>
              <strong>
                {s.current ? t("hub.account.thisSession") : t("hub.account.otherSession")}
              </strong>
              <span>
                {t("hub.account.sessionSince", {
                  since: formatStaffDate(lang, s.createdAt, "dateTime"),
                  seen: formatStaffDate(lang, s.lastSeenAt, "dateTime"),
                })}
              </span>
              <span className="note">{[s.ip, s.userAgent].filter(Boolean).join(" · ")}</span>
            </li>
          ))}
        </ul>
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-others" />
            <button type="submit" className="button">
              {t("hub.account.signOutOthers")}
            </button>
          </Form>
          <Form method="post" action="/hub/logout">
            <input type="hidden" name="everywhere" value="1" />
            <button type="submit" className="button">
              {t("hub.account.signOutEverywhere")}
            </button>
          </Form>
        </div>
      </section>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
