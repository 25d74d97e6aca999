/**
 * What an organisation should look at first (pure): its three weakest areas and how far
 * the next maturity level is, in plain words in its language.
 */
import type { SurveyDefinition } from "../core/definitions";
import { displayScore, findBand } from "../core/scoring";
import type { LanguageId } from "../core/vocabularies";
import type { Translate } from "./translate";

/** How many weak areas the results open with. */
export const WEAKEST_SHOWN = 3;

export interface WeakArea {
  id: string;
  name: string;
  /** "Automation and AI: 18 of 100, 22 points below the median of your peers." */
  sentence: string;
}

export interface FocusView {
  /** Compared with the peers' medians (when shown), else with the other areas. */
  basis: "peers" | "areas";
  weakest: WeakArea[];
  /** "About 6 more points would take you to Moderately advanced." or the top level's words. */
  nextLevel: string;
}

/**
 * The weakest areas: the furthest below the peers' median where the peers are shown
 * (never an area at or above it: that is no weakness against them), otherwise the lowest
 * scores. Ties go to the order of the definition.
 */
export function buildFocusView(
  definition: SurveyDefinition,
  scores: { overall: number; dimensions: Record<string, number> },
  peerMedians: Record<string, number> | undefined,
  lang: LanguageId,
  t: Translate,
): FocusView {
  const withPeers =
    peerMedians !== undefined && definition.dimensions.every((d) => d.id in peerMedians);
  const areas = definition.dimensions.map((d, order) => {
    const score = scores.dimensions[d.id] ?? 0;
    const gap = withPeers ? (peerMedians?.[d.id] ?? 0) - score : -score;
    return { id: d.id, name: d.name[lang], score, gap, order };
  });
  const weakest = areas
    .filter((a) => !withPeers || a.gap > 0)
    .sort((a, b) => b.gap - a.gap || a.order - b.order)
    .slice(0, WEAKEST_SHOWN)
    .map((a) => ({
      id: a.id,
      name: a.name,
      sentence: withPeers
        ? t("journey.weakBelowPeers", {
            name: a.name,
            score: displayScore(a.score),
            points: Math.max(1, displayScore(a.gap)),
          })
        : t("journey.weakScore", { name: a.name, score: displayScore(a.score) }),
    }));
  return {
    basis: withPeers ? "peers" : "areas",
    weakest,
    nextLevel: nextLevelSentence(definition, scores.overall, lang, t),
  };
}

/**
 * How many points the overall score needs for the next band. A band holds the scores over
 * its minimum, so from 20.3 "over 25" is 4.7 away: about 5 points.
 */
export function nextLevelSentence(
  definition: SurveyDefinition,
  overall: number,
  lang: LanguageId,
  t: Translate,
): string {
  const current = findBand(definition, overall);
  const next = definition.bands[definition.bands.findIndex((b) => b.id === current.id) + 1];
  if (!next) return t("journey.topLevel", { level: current.name[lang] });
  const points = Math.max(1, Math.ceil(next.min - overall));
  return t(points === 1 ? "journey.nextLevelOne" : "journey.nextLevel", {
    points,
    level: next.name[lang],
  });
}
