import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FormAlert } from "../components/form-alert";
import { useTranslation } from "../components/i18n";
import { jsonValueProblem } from "../lib/core/input-checks";
import { requireHubPermission } from "../lib/http/guards.server";
import { getFixedT } from "../lib/server/i18n.server";
import { importCatalogue, type ImportResult } from "../lib/server/services.server";

/** Import a catalogue file (the seed's format): validated, then added as new versions. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "catalogue.manage");
  const t = await getFixedT(request);
  return { title: `${t("hub.services.importTitle")} – ${t("app.name")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

type Reply = ImportResult | { ok: false; unreadable: "missing" | "json"; detail?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireHubPermission(request, "catalogue.manage");
  const form = await request.formData();
  const file = form.get("file");
  const text = typeof file === "string" ? file : file ? await file.text() : "";
  if (text.trim() === "") {
    return data({ ok: false, unreadable: "missing" } satisfies Reply, { status: 400 });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return data({ ok: false, unreadable: "json", detail } satisfies Reply, { status: 400 });
  }
  const problem = jsonValueProblem(json);
  if (problem) {
    const detail = `${problem.path}: ${problem.message}`;
    return data({ ok: false, unreadable: "json", detail } satisfies Reply, {
      status: 400,
    });
  }
  const result = await importCatalogue(json, { actor, ip: context.clientAddress });
  return data(result satisfies Reply, { status: result.ok ? 200 : 400 });
}

export default function ImportCatalogue() {
  const reply = useActionData<typeof action>() as Reply | undefined;
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <article className="services-import">
      <p>
        <Link to="/hub/services">{t("hub.services.back")}</Link>
      </p>
      <h1>{t("hub.services.importTitle")}</h1>
      <p className="note">{t("hub.services.importIntro")}</p>
      {reply?.ok ? (
        <div className="success-summary" role="status" data-testid="import-result">
          <p>
            {t("hub.services.imported", {
              created: reply.created.length,
              updated: reply.updated.length,
              unchanged: reply.unchanged.length,
            })}
          </p>
          <p>
            <Link to="/hub/services">{t("hub.services.toList")}</Link>
          </p>
        </div>
      ) : null}
      {reply && !reply.ok ? (
        <FormAlert result={reply}>
          {"unreadable" in reply ? (
            <p>
              {t(`hub.services.importError.${reply.unreadable}`)}
              {reply.detail ? ` (${reply.detail})` : ""}
            </p>
          ) : (
            <>
              <p>{t("hub.services.importError.invalid", { count: reply.problems.length })}</p>
              <ul data-testid="import-problems">
                {reply.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.path || t("hub.services.problem.file")}</code>:{" "}
                    {t(`hub.services.problem.${p.code}`, p.params)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </FormAlert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="import-form">
        <div className="field">
          <label htmlFor="import-file">{t("hub.services.importFile")}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept="application/json,.json"
            required
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("hub.services.importSubmit")}
        </button>
      </Form>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
