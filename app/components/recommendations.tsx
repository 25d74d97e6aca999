import { useTranslation } from "./i18n";

/** A recommended service as the results page shows it, in the page's language. */
export interface RecommendationItem {
  rank: number;
  category: string;
  name: string;
  description: string;
  reason: string;
  contact: { email?: string; url?: string };
}

/** How many recommendations show before "show more" (the engine's SHOWN_RECOMMENDATIONS). */
const SHOWN = 5;

/**
 * The hub's services recommended at submission, most needed first (a 28-point gap before
 * a 4-point one, whatever their category), each labelled with its EDIH category and saying
 * why. More than five are behind a disclosure that works without JavaScript.
 */
export function Recommendations({
  items,
  hub,
}: {
  items: RecommendationItem[];
  hub: { name: string; email: string; url: string };
}) {
  const { t } = useTranslation();
  const shown = items.slice(0, SHOWN);
  const more = items.slice(SHOWN);
  return (
    <section
      aria-labelledby="recommendations-title"
      className="recommendations"
      data-testid="recommendations"
    >
      <h2 id="recommendations-title">{t("recommendations.title")}</h2>
      {items.length === 0 ? (
        <p>{t("recommendations.none")}</p>
      ) : (
        <>
          <p>{t("recommendations.intro")}</p>
          <RecommendationList items={shown} />
          {more.length > 0 ? (
            <details className="recommendations__more">
              <summary>{t("recommendations.showMore", { count: more.length })}</summary>
              <RecommendationList items={more} start={SHOWN + 1} />
            </details>
          ) : null}
        </>
      )}
      <div className="recommendations__cta">
        <p>{t("recommendations.callToAction")}</p>
        <p>
          <a className="button button--primary" href={`mailto:${hub.email}`}>
            {t("recommendations.contactHub")}
          </a>{" "}
          <a href={hub.url}>{hub.url.replace(/^https?:\/\//, "")}</a>
        </p>
      </div>
    </section>
  );
}

/** Services in the order of need (their rank), each with its category as a label. */
function RecommendationList({ items, start = 1 }: { items: RecommendationItem[]; start?: number }) {
  const { t } = useTranslation();
  return (
    <ol className="recommendation-list" start={start}>
      {items.map((item) => (
        <li key={item.rank} className="recommendation" data-testid="recommendation">
          <p className="recommendation__category">
            {t(`recommendations.category.${item.category}`)}
          </p>
          <h3>{item.name}</h3>
          <p>{item.description}</p>
          <p className="recommendation__reason">
            <strong>{t("recommendations.why")}</strong> {item.reason}
          </p>
          <p className="recommendation__contact">
            {t("recommendations.contact")}:{" "}
            {item.contact.email ? (
              <a href={`mailto:${item.contact.email}`}>{item.contact.email}</a>
            ) : null}
            {item.contact.email && item.contact.url ? " · " : null}
            {item.contact.url ? (
              <a href={item.contact.url}>
                {t("recommendations.readMore")}
                <span className="visually-hidden">: {item.name}</span>
              </a>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
