import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "../components/i18n";
import { requireCompanyPermission, requireStaff } from "../lib/http/guards.server";
import { eraseCompany } from "../lib/server/company-privacy.server";
import { WorkspaceError } from "../lib/server/company-workspace.server";
import { database } from "../lib/server/db.server";
import { getFixedT } from "../lib/server/i18n.server";

/** Erasing a company (hub leads): confirmed by typing its name. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const companyId = params.id ?? "";
  await requireCompanyPermission(actor, companyId, "company.erase");
  const company = await database()
    .db.selectFrom("companies")
    .select(["id", "name"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
  const t = await getFixedT(request);
  return { title: `${t("adviser.erase.title")} – ${t("app.name")}`, company };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const EraseSchema = z.object({ confirmName: z.string().max(300) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaff(request);
  const companyId = params.id ?? "";
  await requireCompanyPermission(actor, companyId, "company.erase");
  const parsed = EraseSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "nameMismatch" }, { status: 400 });
  try {
    await eraseCompany(companyId, parsed.data.confirmName, { actor, ip: context.clientAddress });
  } catch (error) {
    if (error instanceof WorkspaceError)
      return data({ error: error.code }, { status: error.status });
    throw error;
  }
  return redirect("/hub/companies?erased=1");
}

export default function EraseCompany() {
  const { company } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const error = result?.error ? t(`adviser.errors.${result.error}`) : undefined;
  return (
    <article className="form-page">
      <h1>{t("adviser.erase.title")}</h1>
      <p>{t("adviser.erase.what")}</p>
      <Form method="post">
        <div className="field">
          <label htmlFor="confirmName">{t("adviser.erase.confirm", { name: company.name })}</label>
          <input
            id="confirmName"
            name="confirmName"
            type="text"
            autoComplete="off"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "confirmName-error" : undefined}
          />
          {error ? (
            <p id="confirmName-error" className="field__error">
              {error}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          <button type="submit" className="button button--danger">
            {t("adviser.erase.submit")}
          </button>
          <Link to={`/hub/companies/${company.id}`}>{t("adviser.notes.cancel")}</Link>
        </div>
      </Form>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
