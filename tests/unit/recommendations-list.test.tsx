import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { I18nProvider } from "../../app/components/i18n";
import { Recommendations, type RecommendationItem } from "../../app/components/recommendations";
import en from "../../app/locales/en";
import type { Dictionary } from "../../app/lib/view/translate";

const item = (rank: number, category: string, name: string): RecommendationItem => ({
  rank,
  category,
  name,
  description: `${name} description`,
  reason: `${name} reason`,
  contact: { email: "hub@example.se" },
});

function render(items: RecommendationItem[]): string {
  return renderToStaticMarkup(
    <I18nProvider lang="en" dictionary={en as unknown as Dictionary}>
      <Recommendations items={items} hub={{ name: "Hub", email: "hub@example.se", url: "" }} />
    </I18nProvider>,
  );
}

describe("the recommendations on the results page", () => {
  test("come in the order of need, whatever their category, each labelled with it", () => {
    // Ranked by need: a training need first, then test-before-invest, then training again.
    const html = render([
      item(1, "training", "Digital skills course"),
      item(2, "test-before-invest", "AI test bed"),
      item(3, "training", "Data course"),
    ]);
    const names = [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(names).toEqual(["Digital skills course", "AI test bed", "Data course"]);
    const labels = [...html.matchAll(/class="recommendation__category">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(labels).toEqual([
      en.recommendations.category.training,
      en.recommendations.category["test-before-invest"],
      en.recommendations.category.training,
    ]);
  });

  test("after five, the rest follow in order behind “show more”, numbered on", () => {
    const html = render(
      Array.from({ length: 7 }, (_, i) =>
        item(i + 1, i % 2 ? "training" : "networking", `S${i + 1}`),
      ),
    );
    const names = [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(names).toEqual(["S1", "S2", "S3", "S4", "S5", "S6", "S7"]);
    expect(html).toMatch(/<details[^>]*>.*<ol class="recommendation-list" start="6">/s);
  });
});
