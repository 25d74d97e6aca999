import type { AnswerSection } from "../lib/view/answer-summary";
import type { ScoreChartInput } from "../lib/view/chart-data";
import type { Gap } from "../lib/view/company-gaps";
import { formatStaffDate } from "../lib/view/dates";
import { useTranslation } from "./i18n";
import { Recommendations, type RecommendationItem } from "./recommendations";
import { ScoreTable } from "./score-table";

export interface LatestResults {
  stage: string;
  version: string;
  submittedAt: string | Date;
  view: {
    title: string;
    overall: number;
    band: { id: string; name: string };
    answers: AnswerSection[];
  };
  peerView: { summary: string; fallback?: string | null; overall?: string | null };
  chartInput: ScoreChartInput;
  recommendations: RecommendationItem[];
  gaps: Gap[];
  triggeredQuestions: string[];
}

/** How many items each dimension lists on the page, and in the brief's one line. */
const ITEMS_SHOWN = { page: 3, brief: 2 } as const;

/**
 * The gaps: the adviser's agenda, widest gap the hub can act on first, each with the items
 * that have the most room to improve. `limit` (the brief) keeps the first few dimensions and
 * puts their top items on one line.
 */
export function CompanyGaps({ gaps, limit }: { gaps: Gap[]; limit?: number }) {
  const { t, lang } = useTranslation();
  const shown = limit ? gaps.slice(0, limit) : gaps;
  const points = (gap: number) => gap.toLocaleString(lang, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="gaps-title" className="company-gaps">
      <h2 id="gaps-title">{t("adviser.gaps.title")}</h2>
      {shown.length === 0 ? (
        <p className="note">{t("adviser.gaps.none")}</p>
      ) : (
        <ol className="gap-list" data-testid="gap-list">
          {shown.map((g) => (
            <li key={g.id}>
              <strong>{g.label}</strong>{" "}
              {t("adviser.gaps.line", { score: Math.round(g.score), gap: Math.round(g.gap) })}
              {g.services.length > 0 ? (
                <span className="gap-list__services">
                  {" "}
                  {t("adviser.gaps.services", { list: g.services.map((s) => s.name).join(", ") })}
                </span>
              ) : null}
              {limit && g.items.length > 0 ? (
                <span className="gap-list__top">
                  {" "}
                  {t("adviser.gaps.topItems", {
                    list: g.items
                      .slice(0, ITEMS_SHOWN.brief)
                      .map((item) => `${item.label} (+${points(item.gap)})`)
                      .join("; "),
                  })}
                </span>
              ) : null}
              {!limit && g.items.length > 0 ? (
                <ul
                  className="gap-items"
                  aria-label={t("adviser.gaps.items", { dimension: g.label })}
                >
                  {g.items.slice(0, ITEMS_SHOWN.page).map((item) => (
                    <li key={item.key}>
                      {item.label}
                      {item.question ? (
                        <>
                          {" "}
                          <span className="note">
                            {t("adviser.gaps.itemQuestion", { question: item.question })}
                          </span>
                        </>
                      ) : null}
                      {": "}
                      {t("adviser.gaps.item", { gap: points(item.gap) })}
                      {item.services.length > 0
                        ? ` · ${t("adviser.gaps.services", { list: item.services.join(", ") })}`
                        : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The latest results as the company sees them (scores, band, peers with the privacy floor,
 * recommendations with reasons), and the answers by dimension with the answers that
 * triggered a recommendation marked.
 */
export function CompanyLatestResults({
  latest,
  hub,
}: {
  latest: LatestResults;
  hub: { name: string; email: string; url: string };
}) {
  const { t, lang } = useTranslation();
  const triggered = new Set(latest.triggeredQuestions);
  return (
    <section aria-labelledby="latest-title" className="company-latest">
      <h2 id="latest-title">
        {t("adviser.latest.title", {
          stage: latest.stage,
          date: formatStaffDate(lang, latest.submittedAt),
        })}
      </h2>
      <p data-testid="latest-overall">
        {t("adviser.latest.overall", {
          score: latest.view.overall,
          band: latest.view.band.name,
          version: latest.version,
        })}
      </p>
      <p>{latest.peerView.summary}</p>
      {latest.peerView.fallback ? <p className="note">{latest.peerView.fallback}</p> : null}
      {latest.peerView.overall ? <p>{latest.peerView.overall}</p> : null}
      <div className="table-scroll">
        <ScoreTable
          input={latest.chartInput}
          caption={t("results.tableCaption")}
          headers={{
            dimension: t("results.dimension"),
            score: t("results.score"),
            peerMedian: t("staff.results.peerMedian"),
            peerRange: t("results.peerRange"),
          }}
        />
      </div>
      <CompanyGaps gaps={latest.gaps} />
      <Recommendations items={latest.recommendations} hub={hub} />
      <section aria-labelledby="company-answers-title" className="results__answers">
        <h2 id="company-answers-title">{t("staff.results.answersTitle")}</h2>
        <p className="note">{t("adviser.latest.triggeredNote")}</p>
        {latest.view.answers.map((section) => (
          <details key={section.title} className="answers-section">
            <summary>{section.title}</summary>
            <dl>
              {section.questions.map((q) => (
                <div
                  key={q.name}
                  className={triggered.has(q.name) ? "answer answer--triggered" : "answer"}
                >
                  <dt>
                    {q.title}
                    {triggered.has(q.name) ? (
                      <span className="answer__flag"> ({t("adviser.latest.triggered")})</span>
                    ) : null}
                  </dt>
                  {q.lines.map((line, i) => (
                    <dd key={i}>{line}</dd>
                  ))}
                </div>
              ))}
            </dl>
          </details>
        ))}
      </section>
    </section>
  );
}
