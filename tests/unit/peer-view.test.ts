import { describe, expect, test } from "vitest";
import en from "../../app/locales/en";
import sv from "../../app/locales/sv";
import {
  bucketOf,
  comparePeers,
  OVERALL_METRIC,
  type PeerGroupInput,
} from "../../app/lib/core/benchmark";
import { translate, type Dictionary } from "../../app/lib/view/translate";
import { buildPeerView } from "../../app/lib/view/peer-view";
import { loadDefinition } from "../helpers/definitions";

const dma = loadDefinition("dma-sme", "1.1.0");

function sectorOf(scores: number[]): PeerGroupInput {
  const histogram = new Map<number, number>();
  for (const s of scores) histogram.set(bucketOf(s), (histogram.get(bucketOf(s)) ?? 0) + 1);
  return {
    kind: "sector",
    value: "manufacturing",
    histograms: new Map(
      [OVERALL_METRIC, ...dma.dimensions.map((d) => d.id)].map((m) => [m, histogram]),
    ),
  };
}

const own = { [OVERALL_METRIC]: 80, ...Object.fromEntries(dma.dimensions.map((d) => [d.id, 20])) };

describe("the peer view of a coarsened group", () => {
  test.each([
    [
      "en",
      en,
      "Your overall score is above what is typical among companies in manufacturing.",
      "Below what is typical among companies in manufacturing. Typical for them is about 45; half of them score between about 30 and 60.",
      "This group has fewer than 20 members, so its figures are rounded to 5 points and no exact rank is shown, to protect each member's privacy.",
    ],
    [
      "sv",
      sv,
      "Ert totala resultat ligger över det typiska bland företag inom tillverkning.",
      "Under det typiska bland företag inom tillverkning. Typiskt för dem är cirka 45; hälften av dem ligger mellan cirka 30 och 60.",
      "Gruppen har färre än 20 medlemmar, så dess siffror är avrundade till 5 poäng och ingen exakt placering visas, för att skydda varje medlems integritet.",
    ],
  ] as const)(
    "in %s words a position and rounded figures, never a percentage",
    (lang, dictionary, overall, dimension, note) => {
      const scores = Array.from({ length: 19 }, (_, i) => 14.3 + i * 3.3);
      const view = buildPeerView(
        comparePeers({ groups: [sectorOf(scores)], scores: own }),
        dma,
        lang,
        (key, variables) => translate(dictionary as unknown as Dictionary, key, variables),
      );
      expect(view.overall).toBe(overall);
      expect(view.dimensions[0].sentence).toBe(dimension);
      expect(view.coarse).toBe(note);
      expect(JSON.stringify(view)).not.toMatch(/%/);
    },
  );

  test("a group of 20 keeps its exact rank and has no note", () => {
    const scores = Array.from({ length: 20 }, (_, i) => 14.3 + i * 3.3);
    const view = buildPeerView(
      comparePeers({ groups: [sectorOf(scores)], scores: own }),
      dma,
      "en",
      (key, variables) => translate(en as unknown as Dictionary, key, variables),
    );
    expect(view.coarse).toBeUndefined();
    expect(view.overall).toBe(
      "Your overall score is higher than 100% of companies in manufacturing.",
    );
  });
});
