import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { useState } from "react";
import surveyStylesHref from "survey-core/survey-core.fontless.min.css";
import { useTranslation } from "../components/i18n";
import { QuestionnairePage } from "../components/questionnaire-page";
import { requireOpenAssessment } from "../lib/http/guards.server";
import { getLanguage } from "../lib/server/i18n.server";
import { questionnaireView } from "../lib/server/questionnaire.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStylesHref }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const opened = await requireOpenAssessment(params.token);
  const lang = await getLanguage(request);
  return {
    ...questionnaireView(opened, lang),
    token: params.token ?? "",
    link: `${new URL(request.url).origin}/a/${params.token}`,
    // The SurveyJS chunk, fetched while the page is read rather than after hydration.
    preload: context.lazyChunks?.("routes/a.$token") ?? [],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} – Mognad` : "Mognad" },
  // A private link must never be indexed.
  { name: "robots", content: "noindex" },
];

export default function AssessmentPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <article className="assessment">
      {data.preload.map((href) => (
        <link key={href} rel="modulepreload" href={href} />
      ))}
      <h1>{data.title}</h1>
      <p className="meta-line">{t(`journey.stage.${data.stage}`)}</p>
      <PrivateLink link={data.link} />
      <noscript>
        <p className="notice">{t("questionnaire.needsJs")}</p>
      </noscript>
      <QuestionnairePage
        token={data.token}
        definition={data.definition}
        surveyData={data.surveyData}
        currentPage={data.currentPage}
        onSubmitted={() => navigate(`/a/${data.token}/results`)}
      />
    </article>
  );
}

function PrivateLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <section className="private-link" aria-labelledby="private-link-title">
      <h2 id="private-link-title">{t("questionnaire.linkTitle")}</h2>
      <p>{t("questionnaire.linkHelp")}</p>
      <div className="private-link__row">
        <input
          className="private-link__input"
          type="text"
          readOnly
          value={link}
          aria-label={t("questionnaire.linkTitle")}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          {copied ? t("questionnaire.copied") : t("questionnaire.copy")}
        </button>
      </div>
    </section>
  );
}
