import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { lazy, Suspense, useEffect, useMemo, useRef } from "react";
import { ClientOnly } from "../components/client-only";
import { CustomerWording, useTranslation } from "../components/i18n";
import { ScoreTable } from "../components/score-table";
import { startNextAssessment } from "../lib/server/assessments.server";
import { orPageError, requireSubmittedAssessment } from "../lib/http/guards.server";
import { NextAssessmentFormSchema, offeredNextSteps } from "../lib/core/next-assessments";
import { customerWording } from "../lib/view/translate";
import { getLanguage, translatorFor } from "../lib/server/i18n.server";
import { buildResultsView, recommendationItems } from "../lib/view/results-view";
import { buildPeerView, peerMedians } from "../lib/view/peer-view";
import { buildFocusView } from "../lib/view/focus-view";
import { buildProgressView, type ProgressView } from "../lib/view/progress-view";
import { displayScore } from "../lib/core/scoring";
import { bandRanges } from "../lib/view/band-ranges";
import { getServiceCatalogue } from "../lib/server/services.server";
import { Recommendations } from "../components/recommendations";
import { scoreChartInput } from "../lib/view/chart-data";
import chartStylesHref from "../styles/charts.css";
import { openDetailsWhilePrinting } from "../lib/client/print-details";

const ScoreCharts = lazy(() => import("../components/score-charts.client"));
const ProgressChart = lazy(() =>
  import("../components/score-charts.client").then((m) => ({ default: m.ProgressChart })),
);

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartStylesHref }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const found = await requireSubmittedAssessment(params.token);
  const lang = await getLanguage(request);
  const { assessment, company, entry, result, answers, peers, recommendations, others, previous } =
    found;
  const t = customerWording(translatorFor(lang), company.customer_type);
  const view = buildResultsView(entry.definition, result, answers, lang, {
    noneSelected: t("results.noneSelected"),
    notAnswered: t("results.notAnswered"),
  });
  // Only the chosen group's statistics reach the page (never a hidden group's).
  const peerView = buildPeerView(peers, entry.definition, lang, t);
  return {
    token: params.token ?? "",
    customerType: company.customer_type,
    view,
    bands: bandRanges(entry.definition, lang, t, view.band.id),
    focus: buildFocusView(entry.definition, result, peerMedians(peers.chosen), lang, t),
    progress: previous
      ? buildProgressView(
          entry.definition,
          { stage: assessment.stage, ...result },
          previous,
          lang,
          t,
        )
      : undefined,
    peerView,
    chartInput: scoreChartInput(view, peerView, {
      company: t("results.company"),
      peerMedian: t("results.peerMedian"),
      peerRange: t("results.peerRange"),
    }),
    recommendations: recommendationItems(recommendations, lang, peers.strengths),
    hub: getServiceCatalogue().hub,
    stage: assessment.stage,
    version: entry.version,
    submittedOn: new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
      dateStyle: "long",
      timeZone: "Europe/Stockholm",
    }).format(result.submittedAt),
    ...offeredNextSteps(assessment, company, others),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.view.title} – Mognad` : "Mognad" },
  { name: "robots", content: "noindex" },
];

/** Starts the follow-up (T1, T2) or the smart industry module and opens its new link. */
export async function action({ params, request }: ActionFunctionArgs) {
  const form = NextAssessmentFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) throw new Response("Unknown action", { status: 400 });
  const { token } = await orPageError(startNextAssessment(params.token, form.data.intent));
  return redirect(`/a/${token}`);
}

export default function Results() {
  const data = useLoaderData<typeof loader>();
  return (
    <CustomerWording customerType={data.customerType}>
      <ResultsPage />
    </CustomerWording>
  );
}

function ResultsPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { view, peerView, chartInput } = data;
  const peers = useMemo(() => new Map(peerView.dimensions.map((d) => [d.id, d])), [peerView]);
  const article = useRef<HTMLElement>(null);
  // "first follow-up", not "T1": the stage in words, inside a sentence.
  const followUp = data.followUpStage ? t(`journey.stage.${data.followUpStage}`).toLowerCase() : "";
  useEffect(() => (article.current ? openDetailsWhilePrinting(article.current) : undefined), []);

  return (
    <article className="results" ref={article}>
      <header className="results__header">
        <h1>
          {t("results.title")}: {view.title}
        </h1>
        <p className="meta-line">
          {t(`journey.stage.${data.stage}`)} ·{" "}
          {t("results.submittedOn", { date: data.submittedOn })}
        </p>
      </header>

      <section className="overall" aria-labelledby="overall-title">
        <h2 id="overall-title" className="visually-hidden">
          {t("results.overall")}
        </h2>
        <div className="overall__score">
          <span className="overall__label">{t("results.overall")}</span>
          <span className="overall__number" data-testid="overall-score">
            {view.overall}
          </span>
          <span className="overall__of">{t("results.outOf")}</span>
        </div>
        <div className="overall__band">
          <span className="overall__label">{t("results.level")}</span>
          <strong data-testid="band-name">{view.band.name}</strong>
          <p>{view.band.feedback}</p>
          {peerView.overall ? <p className="overall__peers">{peerView.overall}</p> : null}
          <p className="overall__next" data-testid="next-level">
            {data.focus.nextLevel}
          </p>
        </div>
        <div className="bands" data-testid="bands">
          <h3 className="bands__title">{t("bands.title")}</h3>
          <ol className="bands__list">
            {data.bands.map((band) => (
              <li
                key={band.id}
                className={band.current ? "bands__item bands__item--current" : "bands__item"}
                aria-current={band.current ? "true" : undefined}
              >
                <span className="bands__name">{band.name}</span>{" "}
                <span className="bands__range">{band.range}</span>
                {band.current ? (
                  <span className="visually-hidden"> ({t("bands.yours")})</span>
                ) : null}
              </li>
            ))}
          </ol>
          <p className="bands__note">
            {t("journey.bandsExplained")} {t("bands.note")}
          </p>
        </div>
      </section>

      {data.progress ? <Progress progress={data.progress} /> : null}

      <section aria-labelledby="focus-title" className="focus" data-testid="weakest-areas">
        <h2 id="focus-title">{t("journey.weakTitle")}</h2>
        {data.focus.weakest.length === 0 ? (
          <p>{t("journey.noWeakAgainstPeers")}</p>
        ) : (
          <>
            <p>
              {data.focus.basis === "peers"
                ? t("journey.weakIntroPeers")
                : t("journey.weakIntroAreas")}
            </p>
            <ol className="focus__list">
              {data.focus.weakest.map((area) => (
                <li key={area.id}>{area.sentence}</li>
              ))}
            </ol>
            {data.recommendations.length > 0 ? <p>{t("journey.weakNext")}</p> : null}
          </>
        )}
      </section>

      <section aria-labelledby="peers-title" className="peers" data-testid="peer-comparison">
        <h2 id="peers-title">{t("peers.title")}</h2>
        <p data-testid="peer-group">{peerView.summary}</p>
        {peerView.fallback ? (
          <p className="note" data-testid="peer-fallback">
            {peerView.fallback}
          </p>
        ) : null}
        {peerView.coarse ? (
          <p className="note" data-testid="peer-coarse">
            {peerView.coarse}
          </p>
        ) : null}
        {peerView.strengths.length > 0 ? (
          <>
            <h3>{t("peers.strengthsTitle")}</h3>
            <p data-testid="peer-strengths">
              {t("peers.strengths", { list: peerView.strengths.join(", ") })}
            </p>
          </>
        ) : null}
        <p className="note">
          {t("peers.privacy")} {t("peerPopulation.privacy")}
        </p>
      </section>

      <section aria-labelledby="charts-title" className="results__charts">
        <h2 id="charts-title">{t("results.chartsTitle")}</h2>
        <ClientOnly>
          {() => (
            <Suspense fallback={null}>
              <ScoreCharts
                input={chartInput}
                radarTitle={t("results.radarTitle")}
                barTitle={t("results.barTitle")}
              />
            </Suspense>
          )}
        </ClientOnly>
        <ScoreTable
          input={chartInput}
          caption={t("results.tableCaption")}
          headers={{
            dimension: t("results.dimension"),
            score: t("results.score"),
            peerMedian: t("results.peerMedian"),
            peerRange: t("results.peerRange"),
          }}
        />
      </section>

      <section aria-labelledby="dimensions-title">
        <h2 id="dimensions-title">{t("results.dimensionsTitle")}</h2>
        <ul className="dimension-list">
          {view.dimensions.map((d) => (
            <li key={d.id} className="dimension">
              <h3>
                {d.name}: <span className="dimension__score">{d.rounded}</span>{" "}
                <span className="dimension__band">({d.bandName})</span>
              </h3>
              <p>{d.feedback}</p>
              {peers.has(d.id) ? (
                <p className="dimension__peers">{peers.get(d.id)?.sentence}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <Recommendations items={data.recommendations} hub={data.hub} />

      <section aria-labelledby="next-title" className="results__next no-print">
        <h2 id="next-title">{t("results.nextTitle")}</h2>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("results.print")}
        </button>
        {data.offerSmartIndustry && data.smartIndustryState === "submitted" ? (
          <p className="next-action" data-testid="smart-industry-done">
            {t("journey.smartIndustryDone")}
          </p>
        ) : data.offerSmartIndustry ? (
          <Form method="post" className="next-action">
            <p>{t("results.smartIndustryHelp")}</p>
            <button
              type="submit"
              name="intent"
              value="smart-industry"
              className="button button--primary"
              disabled={navigation.state !== "idle"}
            >
              {data.smartIndustryState === "in_progress"
                ? t("journey.smartIndustryAgain")
                : t("results.smartIndustry")}
            </button>
          </Form>
        ) : null}
        {data.followUpStage && data.followUpState === "submitted" ? (
          <p className="next-action" data-testid="follow-up-done">
            {t("journey.followUpDone", { stage: followUp })}
          </p>
        ) : data.followUpStage ? (
          <Form method="post" className="next-action">
            <p>
              {data.followUpState === "in_progress"
                ? t("journey.followUpAgainHelp")
                : t("results.followUpHelp")}
            </p>
            <button
              type="submit"
              name="intent"
              value="follow-up"
              className="button"
              disabled={navigation.state !== "idle"}
            >
              {data.followUpState === "in_progress"
                ? t("journey.followUpAgain", { stage: followUp })
                : t("results.followUp", { stage: followUp })}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="answers-title" className="results__answers">
        <h2 id="answers-title">{t("results.answersTitle")}</h2>
        {view.answers.map((section) => (
          <details key={section.title} className="answers-section">
            <summary>{section.title}</summary>
            <dl>
              {section.questions.map((q) => (
                <div key={q.name} className="answer">
                  <dt>{q.title}</dt>
                  {q.lines.map((line, i) => (
                    <dd key={i}>{line}</dd>
                  ))}
                </div>
              ))}
            </dl>
          </details>
        ))}
      </section>
      <p className="no-print">
        <Link to={`/a/${data.token}/privacy`}>{t("adviser.privacy.link")}</Link>
      </p>
      <p className="note">
        {t("results.disclaimer")} {t("journey.version", { version: data.version })}
      </p>
    </article>
  );
}

/** A follow-up's change since the earlier assessment: a sentence, a chart and a table. */
function Progress({ progress }: { progress: ProgressView }) {
  const { t } = useTranslation();
  const rows = [...progress.rows, progress.overall];
  return (
    <section aria-labelledby="progress-title" className="progress" data-testid="progress">
      <h2 id="progress-title">{t("journey.progressTitle")}</h2>
      <p data-testid="progress-summary">{progress.summary}</p>
      <ClientOnly>
        {() => (
          <Suspense fallback={null}>
            <ProgressChart input={progress} title={t("journey.progressChartTitle")} />
          </Suspense>
        )}
      </ClientOnly>
      <table className="score-table progress-table">
        <caption>
          {t("journey.progressCaption", {
            before: progress.labels.before.toLowerCase(),
            now: progress.labels.now.toLowerCase(),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("journey.progressArea")}</th>
            <th scope="col" className="score-table__number">
              {t("journey.progressThen")}
            </th>
            <th scope="col" className="score-table__number">
              {t("journey.progressNow")}
            </th>
            <th scope="col" className="score-table__number">
              {t("journey.progressChange")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td className="score-table__number">{displayScore(row.before)}</td>
              <td className="score-table__number">{displayScore(row.now)}</td>
              <td className="score-table__number">{row.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
