import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { CompanyTable } from "../components/company-table";
import { useTranslation } from "../components/i18n";
import { requireCompanyPermission, requireHubPermission } from "../lib/http/guards.server";
import {
  assignCompany,
  AssignmentError,
  companiesOfAdviser,
  findCompaniesToAssign,
  unassignCompany,
} from "../lib/server/assignments.server";
import { getFixedT } from "../lib/server/i18n.server";
import { listStaff, StaffError } from "../lib/server/staff.server";

const QuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  adviser: z.union([z.literal(""), z.string().uuid()]).optional(),
});

/**
 * Assigning companies to advisers (hub leads): search companies by name or organisation
 * number, or pick an adviser to see theirs. The adviser workspace's company list will
 * offer bulk assignment; this is the simple form.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "staff.manage");
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("Bad query", { status: 400 });
  const { q, adviser } = parsed.data;
  const t = await getFixedT(request);
  const advisers = (await listStaff()).filter((s) => s.role === "adviser" && s.status === "active");
  const chosen = advisers.find((a) => a.id === adviser);
  return {
    title: `${t("hub.assign.title")} – ${t("app.name")}`,
    advisers: advisers.map((a) => ({ id: a.id, name: a.name, partnerName: a.partnerName })),
    results: q && q.length >= 2 ? await findCompaniesToAssign(q) : null,
    adviserCompanies: chosen ? await companiesOfAdviser(chosen) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const AssignFormSchema = z.object({
  intent: z.enum(["assign", "unassign"]),
  companyId: z.string().uuid(),
  adviserId: z.string().uuid(),
});

type ActionData = { ok: "assign" | "unassign" } | { error: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireHubPermission(request, "staff.manage");
  const parsed = AssignFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "invalid" } satisfies ActionData, { status: 400 });
  const { intent, companyId, adviserId } = parsed.data;
  await requireCompanyPermission(actor, companyId, "company.assign");
  const by = { actor, ip: context.clientAddress };
  try {
    if (intent === "assign") await assignCompany(companyId, adviserId, by);
    else await unassignCompany(companyId, adviserId, by);
  } catch (error) {
    if (error instanceof StaffError || error instanceof AssignmentError) {
      return data({ error: error.code } satisfies ActionData, { status: 400 });
    }
    throw error;
  }
  return { ok: intent } satisfies ActionData;
}

export default function Assignments() {
  const { advisers, results, adviserCompanies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const adviserName = (id: string) =>
    advisers.find((a) => a.id === id)?.name ?? t("hub.assign.formerAdviser");
  return (
    <article className="assign-page">
      <h1>{t("hub.assign.title")}</h1>
      <p className="note">{t("hub.assign.intro")}</p>
      {result && "ok" in result ? (
        <p className="success-summary" role="status">
          {t(`hub.assign.done.${result.ok}`)}
        </p>
      ) : null}
      {result && "error" in result ? (
        <div className="error-summary" role="alert">
          {t(`hub.errors.${result.error}`)}
        </div>
      ) : null}

      <section aria-labelledby="search-title">
        <h2 id="search-title">{t("hub.assign.searchTitle")}</h2>
        <Form method="get" className="filter-form">
          <div className="field field--compact field--grow">
            <label htmlFor="q">{t("hub.assign.search")}</label>
            <input
              id="q"
              name="q"
              type="search"
              minLength={2}
              maxLength={100}
              defaultValue={params.get("q") ?? ""}
            />
          </div>
          <button type="submit" className="button button--primary">
            {t("hub.assign.find")}
          </button>
        </Form>
        {results === null ? null : results.length === 0 ? (
          <p className="note">{t("hub.assign.noResults")}</p>
        ) : (
          <CompanyTable
            companies={results}
            caption={t("hub.assign.searchTitle")}
            actions={(company) => {
              const row = results.find((r) => r.id === company.id)!;
              return (
                <div className="assign-cell">
                  {!row.consent_advisers ? (
                    <p className="note">{t("hub.assign.noConsent")}</p>
                  ) : null}
                  <ul className="chip-list">
                    {row.adviserIds.map((id) => (
                      <li key={id}>
                        <Form method="post">
                          <input type="hidden" name="intent" value="unassign" />
                          <input type="hidden" name="companyId" value={row.id} />
                          <input type="hidden" name="adviserId" value={id} />
                          {adviserName(id)}{" "}
                          <button
                            type="submit"
                            className="button button--small"
                            aria-label={t("hub.assign.removeNamed", {
                              name: adviserName(id),
                              company: row.name,
                            })}
                          >
                            {t("hub.assign.remove")}
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                  <Form method="post" className="assign-form">
                    <input type="hidden" name="intent" value="assign" />
                    <input type="hidden" name="companyId" value={row.id} />
                    <label htmlFor={`adviser-${row.id}`} className="visually-hidden">
                      {t("hub.assign.adviserFor", { company: row.name })}
                    </label>
                    <select id={`adviser-${row.id}`} name="adviserId" required defaultValue="">
                      <option value="" disabled>
                        {t("hub.assign.chooseAdviser")}
                      </option>
                      {advisers
                        .filter((a) => !row.adviserIds.includes(a.id))
                        .map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.name}
                            {a.partnerName ? ` (${a.partnerName})` : ""}
                          </option>
                        ))}
                    </select>
                    <button type="submit" className="button button--small">
                      {t("hub.assign.assign")}
                    </button>
                  </Form>
                </div>
              );
            }}
          />
        )}
      </section>

      <section aria-labelledby="by-adviser-title">
        <h2 id="by-adviser-title">{t("hub.assign.byAdviserTitle")}</h2>
        {advisers.length === 0 ? (
          <p className="note">{t("hub.assign.noAdvisers")}</p>
        ) : (
          <Form method="get" className="filter-form">
            <div className="field field--compact field--grow">
              <label htmlFor="adviser">{t("hub.assign.adviser")}</label>
              <select id="adviser" name="adviser" defaultValue={params.get("adviser") ?? ""}>
                <option value="">{t("hub.assign.chooseAdviser")}</option>
                {advisers.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                    {a.partnerName ? ` (${a.partnerName})` : ""}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("hub.assign.show")}
            </button>
          </Form>
        )}
        {adviserCompanies === null ? null : adviserCompanies.length === 0 ? (
          <p className="note">{t("hub.assign.adviserHasNone")}</p>
        ) : (
          <CompanyTable
            companies={adviserCompanies}
            caption={t("hub.assign.byAdviserTitle")}
            actions={(company) => (
              <Form method="post">
                <input type="hidden" name="intent" value="unassign" />
                <input type="hidden" name="companyId" value={company.id} />
                <input type="hidden" name="adviserId" value={params.get("adviser") ?? ""} />
                <button
                  type="submit"
                  className="button button--small"
                  aria-label={t("hub.assign.removeNamed", {
                    name: adviserName(params.get("adviser") ?? ""),
                    company: company.name,
                  })}
                >
                  {t("hub.assign.remove")}
                </button>
              </Form>
            )}
          />
        )}
      </section>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
