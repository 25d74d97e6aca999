import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "../components/i18n";
import { database } from "../lib/server/db.server";
import { companyOfToken, CONSENTS, withdrawConsent } from "../lib/server/company-privacy.server";
import { getFixedT } from "../lib/server/i18n.server";
import { formatStaffDate } from "../lib/view/dates";

async function requireCompany(token: string | undefined): Promise<string> {
  const companyId = await companyOfToken(token);
  if (!companyId) throw new Response("Not found", { status: 404 });
  return companyId;
}

/** The organisation's privacy choices from its private link: its consents and its data. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const companyId = await requireCompany(params.token);
  const company = await database()
    .db.selectFrom("companies")
    .select(["consent_advisers_at", "consent_benchmark_at"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
  const t = await getFixedT(request);
  return {
    title: `${t("adviser.privacy.title")} – ${t("app.name")}`,
    token: params.token,
    company,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Mognad" },
  { name: "robots", content: "noindex" },
];

const WithdrawSchema = z.object({ consent: z.enum(CONSENTS) });

/** Withdraws one consent and comes back to this page. */
export async function action({ params, request }: ActionFunctionArgs) {
  const companyId = await requireCompany(params.token);
  const parsed = WithdrawSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "unknownConsent" }, { status: 400 });
  await withdrawConsent(companyId, parsed.data.consent);
  return redirect(`/a/${params.token}/privacy?withdrawn=${parsed.data.consent}`);
}

export default function PrivacyChoices() {
  const { token, company } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, lang } = useTranslation();
  const withdrawn = params.get("withdrawn");
  const consents = [
    { id: "advisers", at: company.consent_advisers_at },
    { id: "benchmark", at: company.consent_benchmark_at },
  ] as const;
  return (
    <article className="form-page">
      <h1>{t("adviser.privacy.title")}</h1>
      {withdrawn === "advisers" || withdrawn === "benchmark" ? (
        <p className="success-summary" role="status">
          {t(`adviser.privacy.withdrawn.${withdrawn}`)}
        </p>
      ) : null}
      <section aria-labelledby="consents-title">
        <h2 id="consents-title">{t("adviser.privacy.consents")}</h2>
        {consents.map((c) => (
          <div key={c.id} className="consent-choice" data-testid={`consent-${c.id}`}>
            <h3>{t(`adviser.privacy.consent.${c.id}`)}</h3>
            {c.at ? (
              <>
                <p>{t("adviser.privacy.givenOn", { date: formatStaffDate(lang, c.at) })}</p>
                <Form method="post">
                  <input type="hidden" name="consent" value={c.id} />
                  <button type="submit" className="button">
                    {t(`adviser.privacy.withdraw.${c.id}`)}
                  </button>
                </Form>
              </>
            ) : (
              <p>{t("adviser.privacy.notGiven")}</p>
            )}
          </div>
        ))}
      </section>
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t("adviser.privacy.exportTitle")}</h2>
        <p>{t("adviser.privacy.exportText")}</p>
        <p>
          <a href={`/a/${token}/export.json`} className="button" download>
            {t("adviser.privacy.export")}
          </a>
        </p>
        <p className="note">{t("adviser.privacy.erasure")}</p>
      </section>
      <p>
        <Link to={`/a/${token}/results`}>{t("adviser.privacy.back")}</Link>
      </p>
    </article>
  );
}
