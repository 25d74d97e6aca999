import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormAlert } from "../components/form-alert";
import { useTranslation } from "../components/i18n";
import { PasswordField, SubmitButton } from "../components/staff-fields";
import { MIN_PASSWORD_LENGTH } from "../lib/core/password-rules";
import { assertSameOrigin } from "../lib/http/guards.server";
import { getFixedT } from "../lib/server/i18n.server";
import { findOneTimeLink, setPasswordFromLink, StaffError } from "../lib/server/staff.server";

/** The page of an invitation or reset link: choose a password (the link works once). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await findOneTimeLink(params.token ?? "");
  const t = await getFixedT(request);
  const title = `${t("hub.setPassword.title")} – ${t("app.name")}`;
  if (!link) return data({ title, link: null }, { status: 410 });
  return { title, link: { name: link.name, email: link.email, purpose: link.purpose } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const SetPasswordSchema = z.object({
  password: z.string().max(1_000),
  confirm: z.string().max(1_000),
});

type ActionData = { error: "mismatch" | "too-short" | "too-long" | "too-common" | "link-invalid" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const parsed = SetPasswordSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "too-long" } satisfies ActionData, { status: 400 });
  if (parsed.data.password !== parsed.data.confirm) {
    return data({ error: "mismatch" } satisfies ActionData, { status: 400 });
  }
  try {
    await setPasswordFromLink(params.token ?? "", parsed.data.password, context.clientAddress);
  } catch (error) {
    if (error instanceof StaffError) {
      const code = error.code as ActionData["error"];
      return data({ error: code } satisfies ActionData, {
        status: code === "link-invalid" ? 410 : 400,
      });
    }
    throw error;
  }
  return redirect("/hub/login?passwordSet=1");
}

export default function SetPassword() {
  const { link } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!link || result?.error === "link-invalid") {
    return (
      <article className="form-page">
        <h1>{t("hub.setPassword.invalidTitle")}</h1>
        <p>{t("hub.setPassword.invalid")}</p>
        <p>
          <Link to="/hub/login">{t("hub.setPassword.toLogin")}</Link>
        </p>
      </article>
    );
  }
  const error = result?.error;
  return (
    <article className="form-page">
      <h1>{t("hub.setPassword.title")}</h1>
      <p className="lead">
        {t(
          link.purpose === "invite" ? "hub.setPassword.introInvite" : "hub.setPassword.introReset",
          {
            name: link.name,
            email: link.email,
          },
        )}
      </p>
      {error ? (
        <FormAlert result={result}>
          {t(`hub.password.${error}`, { min: MIN_PASSWORD_LENGTH })}
        </FormAlert>
      ) : null}
      <Form method="post" className="staff-form">
        <input type="hidden" name="username" autoComplete="username" value={link.email} readOnly />
        <PasswordField
          id="password"
          label={t("hub.setPassword.password")}
          kind="new"
          invalid={Boolean(error && error !== "mismatch")}
        />
        <PasswordField
          id="confirm"
          label={t("hub.setPassword.confirm")}
          kind="confirm"
          invalid={error === "mismatch"}
        />
        <SubmitButton>{t("hub.setPassword.submit")}</SubmitButton>
      </Form>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
