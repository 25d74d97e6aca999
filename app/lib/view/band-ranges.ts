/**
 * The maturity bands in words (pure), without a gap between them: a band holds the scores
 * over its minimum up to and including its maximum, on the unrounded score, and the first
 * also holds 0 ("Basic 0–25", "Average over 25–50"). Scores are shown rounded half up, so
 * a score shown as 25 may be Average (25.3): "over 25" never contradicts it, where a label
 * such as "26–50" would.
 */
import type { SurveyDefinition } from "../core/definitions";
import type { LanguageId } from "../core/vocabularies";
import type { Translate } from "./translate";

export interface BandRangeView {
  id: string;
  name: string;
  /** "0–25", "over 25–50" (sv "över 25–50"). */
  range: string;
  /** Whether this is the band of the score being shown. */
  current: boolean;
}

/** Every band of a definition with its range in words, in order. */
export function bandRanges(
  definition: SurveyDefinition,
  lang: LanguageId,
  t: Translate,
  currentId?: string,
): BandRangeView[] {
  return definition.bands.map((band, i) => ({
    id: band.id,
    name: band.name[lang],
    range: t(i === 0 ? "bands.first" : "bands.next", { min: band.min, max: band.max }),
    current: band.id === currentId,
  }));
}
