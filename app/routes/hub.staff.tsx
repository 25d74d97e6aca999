import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "../components/i18n";
import { PartnerOptions, RoleOptions, SubmitButton } from "../components/staff-fields";
import { STAFF_ROLES } from "../lib/core/staff-policy";
import { formatStaffDate } from "../lib/view/dates";
import { NewStaffSchema } from "../lib/core/staff-account";
import { requireHubPermission } from "../lib/http/guards.server";
import { getHubConfig } from "../lib/server/hub.server";
import { getFixedT } from "../lib/server/i18n.server";
import { mailConfigured } from "../lib/server/mail.server";
import {
  changeRoleAndPartner,
  disableStaff,
  enableStaff,
  inviteStaff,
  issueResetLink,
  listStaff,
  StaffError,
} from "../lib/server/staff.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireHubPermission(request, "staff.manage");
  const t = await getFixedT(request);
  return {
    title: `${t("hub.staff.title")} – ${t("app.name")}`,
    me: actor.id,
    staff: await listStaff(),
    partners: getHubConfig().partners,
    emailEnabled: mailConfigured(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const UserIdSchema = z.string().uuid();

const StaffFormSchema = z.discriminatedUnion("intent", [
  NewStaffSchema.extend({ intent: z.literal("invite") }),
  z.object({
    intent: z.literal("update"),
    userId: UserIdSchema,
    role: z.enum(STAFF_ROLES),
    partnerId: z
      .string()
      .max(100)
      .transform((v) => v || null),
  }),
  z.object({ intent: z.literal("disable"), userId: UserIdSchema }),
  z.object({ intent: z.literal("enable"), userId: UserIdSchema }),
  z.object({ intent: z.literal("reset-link"), userId: UserIdSchema }),
]);

type ActionData =
  | { ok: "invited" | "reset-link"; name: string; url: string; emailed: boolean }
  | { ok: "updated" | "disabled" | "enabled"; userId: string }
  | { error: string; fields?: string[]; userId?: string };

/** Invite, change role or partner, disable, enable, issue a reset link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireHubPermission(request, "staff.manage");
  const form = Object.fromEntries(await request.formData());
  const parsed = StaffFormSchema.safeParse(form);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    return data({ error: "invalid", fields } satisfies ActionData, { status: 400 });
  }
  const by = { actor, ip: context.clientAddress };
  const origin = new URL(request.url).origin;
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "invite": {
        const { user, url, emailed } = await inviteStaff(input, by, origin);
        return { ok: "invited", name: user.name, url, emailed } satisfies ActionData;
      }
      case "reset-link": {
        const { user, url, emailed } = await issueResetLink(input.userId, by, origin);
        return { ok: "reset-link", name: user.name, url, emailed } satisfies ActionData;
      }
      case "update":
        await changeRoleAndPartner(
          input.userId,
          { role: input.role, partnerId: input.partnerId },
          by,
        );
        return { ok: "updated", userId: input.userId } satisfies ActionData;
      case "disable":
        await disableStaff(input.userId, by);
        return { ok: "disabled", userId: input.userId } satisfies ActionData;
      case "enable":
        await enableStaff(input.userId, by);
        return { ok: "enabled", userId: input.userId } satisfies ActionData;
    }
  } catch (error) {
    if (error instanceof StaffError) {
      const status =
        error.code === "unknown-user" ? 404 : error.code === "last-hub-lead" ? 409 : 400;
      return data(
        {
          error: error.code,
          fields: error.field ? [error.field] : undefined,
          userId: "userId" in input ? input.userId : undefined,
        } satisfies ActionData,
        { status },
      );
    }
    throw error;
  }
}

export default function StaffManagement() {
  const { me, staff, partners, emailEnabled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t, lang } = useTranslation();
  const inviteError = result && "error" in result && !result.userId ? result : undefined;
  const invalid = (field: string) => (inviteError?.fields?.includes(field) ? true : undefined);
  return (
    <article className="staff-page">
      <h1>{t("hub.staff.title")}</h1>

      {result && "url" in result ? (
        <div className="one-time-link success-summary" role="status" data-testid="one-time-link">
          <p>
            {t(result.ok === "invited" ? "hub.staff.invited" : "hub.staff.resetIssued", {
              name: result.name,
            })}{" "}
            {result.emailed ? t("hub.staff.emailed") : t("hub.staff.notEmailed")}
          </p>
          <p>
            <code>{result.url}</code>
          </p>
          <p className="note">{t("hub.staff.linkOnce")}</p>
        </div>
      ) : null}
      {result && "ok" in result && !("url" in result) ? (
        <p className="success-summary" role="status">
          {t(`hub.staff.done.${result.ok}`)}
        </p>
      ) : null}
      {result && "error" in result && result.userId ? (
        <div className="error-summary" role="alert">
          {t(`hub.errors.${result.error}`)}
        </div>
      ) : null}

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t("hub.staff.people", { count: staff.length })}</h2>
        <ul className="staff-list">
          {staff.map((person) => (
            <li key={person.id} className="staff-card" data-testid="staff-card">
              <div className="staff-card__who">
                <strong>{person.name}</strong> <span className="note">{person.email}</span>
                <p className="staff-card__facts">
                  {t(`hub.role.${person.role}`)}
                  {person.partnerName ? ` · ${person.partnerName}` : ""} ·{" "}
                  <span className={person.status === "disabled" ? "status status--off" : "status"}>
                    {t(`hub.staff.status.${person.status}`)}
                  </span>
                  {" · "}
                  {person.secondFactor
                    ? t("hub.staff.secondFactorOn")
                    : t("hub.staff.secondFactorOff")}
                  {" · "}
                  {person.lastSignInAt
                    ? t("hub.staff.lastSignIn", {
                        date: formatStaffDate(lang, person.lastSignInAt),
                      })
                    : person.hasPassword
                      ? t("hub.staff.neverSignedIn")
                      : t("hub.staff.invitedNoPassword")}
                </p>
              </div>
              <Form method="post" className="staff-card__edit">
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="userId" value={person.id} />
                <div className="field field--compact">
                  <label htmlFor={`role-${person.id}`}>{t("hub.staff.role")}</label>
                  <select id={`role-${person.id}`} name="role" defaultValue={person.role}>
                    <RoleOptions />
                  </select>
                </div>
                <div className="field field--compact">
                  <label htmlFor={`partner-${person.id}`}>{t("hub.staff.partner")}</label>
                  <select
                    id={`partner-${person.id}`}
                    name="partnerId"
                    defaultValue={person.partnerId ?? ""}
                  >
                    <PartnerOptions partners={partners} />
                  </select>
                </div>
                <button type="submit" className="button button--small">
                  {t("hub.staff.save")}
                </button>
              </Form>
              <div className="button-row">
                {person.status === "active" ? (
                  <>
                    <Form method="post">
                      <input type="hidden" name="intent" value="reset-link" />
                      <input type="hidden" name="userId" value={person.id} />
                      <button type="submit" className="button button--small">
                        {person.hasPassword ? t("hub.staff.resetLink") : t("hub.staff.newInvite")}
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="disable" />
                      <input type="hidden" name="userId" value={person.id} />
                      <button type="submit" className="button button--small button--danger">
                        {person.id === me ? t("hub.staff.disableSelf") : t("hub.staff.disable")}
                      </button>
                    </Form>
                  </>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="enable" />
                    <input type="hidden" name="userId" value={person.id} />
                    <button type="submit" className="button button--small">
                      {t("hub.staff.enable")}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="invite-title" className="fieldset">
        <h2 id="invite-title">{t("hub.staff.inviteTitle")}</h2>
        <p className="note">
          {emailEnabled ? t("hub.staff.inviteByEmail") : t("hub.staff.inviteByLink")}
        </p>
        {inviteError ? (
          <div className="error-summary" role="alert">
            {t(`hub.errors.${inviteError.error}`)}
          </div>
        ) : null}
        <Form method="post" className="staff-form">
          <input type="hidden" name="intent" value="invite" />
          <div className="field">
            <label htmlFor="invite-email">{t("hub.login.email")}</label>
            <input
              id="invite-email"
              name="email"
              type="email"
              required
              maxLength={254}
              aria-invalid={invalid("email")}
            />
          </div>
          <div className="field">
            <label htmlFor="invite-name">{t("hub.staff.name")}</label>
            <input
              id="invite-name"
              name="name"
              type="text"
              required
              maxLength={120}
              aria-invalid={invalid("name")}
            />
          </div>
          <div className="field">
            <label htmlFor="invite-role">{t("hub.staff.role")}</label>
            <select id="invite-role" name="role" defaultValue="adviser">
              <RoleOptions />
            </select>
          </div>
          <div className="field">
            <label htmlFor="invite-partner">{t("hub.staff.partner")}</label>
            <select
              id="invite-partner"
              name="partnerId"
              defaultValue=""
              aria-invalid={invalid("partnerId")}
            >
              <PartnerOptions partners={partners} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="invite-language">{t("hub.staff.language")}</label>
            <select id="invite-language" name="language" defaultValue={lang}>
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </select>
          </div>
          <SubmitButton>{t("hub.staff.invite")}</SubmitButton>
        </Form>
      </section>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
