import { describe, expect, test } from "vitest";
import { catalogueOrder } from "../../app/lib/view/catalogue-view";

const service = (id: string, category: string, sv: string, en: string, active = true) => ({
  id,
  category,
  active,
  name: { sv, en },
});

// In category-id order ("investment" < "networking" < "test-before-invest" < "training"),
// as the list showed them before.
const services = [
  service("old", "investment", "Äldre finansiering", "Older funding", false),
  service("fund", "investment", "Finansieringsrådgivning", "Funding advice"),
  service("net", "networking", "Nätverk", "Networking"),
  service("ai", "test-before-invest", "Öppet AI-labb", "AI lab"),
  service("data", "test-before-invest", "Datalabb", "Data lab"),
  service("course", "training", "Kurs i dataskydd", "Course in data protection"),
];

describe("the catalogue list's order", () => {
  test.each([
    ["sv", ["data", "ai", "course", "fund", "net", "old"]],
    ["en", ["ai", "data", "course", "fund", "net", "old"]],
  ] as const)(
    "active first, categories as the results page lists them, then by name (%s)",
    (lang, ids) => {
      expect(catalogueOrder(services, lang).map((s) => s.id)).toEqual(ids);
    },
  );
});
