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
 * The hub's services recommended at submission, most needed first, grouped by the four
 * EDIH categories; each says why. More than five are behind a disclosure that works
 * without JavaScript.
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
          <ByCategory items={shown} />
          {more.length > 0 ? (
            <details className="recommendations__more">
              <summary>{t("recommendations.showMore", { count: more.length })}</summary>
              <ByCategory items={more} />
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

/** Categories in the order of their most needed service; services by rank within each. */
function ByCategory({ items }: { items: RecommendationItem[] }) {
  const { t } = useTranslation();
  const categories = [...new Set(items.map((item) => item.category))];
  return (
    <>
      {categories.map((category) => (
        <div key={category} className="recommendations__category">
          <h3>{t(`recommendations.category.${category}`)}</h3>
          <ul className="recommendation-list">
            {items
              .filter((item) => item.category === category)
              .map((item) => (
                <li key={item.rank} className="recommendation" data-testid="recommendation">
                  <h4>{item.name}</h4>
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
          </ul>
        </div>
      ))}
    </>
  );
}
