import { summariseAnswers, type AnswerSection } from "./answer-summary";
import type { Answers } from "../core/answers";
import type { LanguageId } from "../core/vocabularies";
import type { SurveyDefinition } from "../core/definitions";
import type { StoredRecommendation } from "../core/recommendations";
import { displayScore, findBand } from "../core/scoring";

export interface DimensionResult {
  id: string;
  name: string;
  /** Unrounded, 0–100 (charts use it); `rounded` is what people read. */
  score: number;
  rounded: number;
  bandName: string;
  feedback: string;
}

export interface ResultsView {
  title: string;
  overall: number;
  band: { id: string; name: string; feedback: string };
  dimensions: DimensionResult[];
  answers: AnswerSection[];
}

/**
 * What the results page shows, in the respondent's language, from the stored scores and
 * the exact definition version: the overall score and band with its feedback, and each
 * dimension's score with the feedback of the band that score falls in.
 */
export function buildResultsView(
  definition: SurveyDefinition,
  stored: { overall: number; band: string; dimensions: Record<string, number> },
  answers: Answers,
  lang: LanguageId,
  labels: { noneSelected: string; notAnswered: string },
): ResultsView {
  const band =
    definition.bands.find((b) => b.id === stored.band) ?? findBand(definition, stored.overall);
  return {
    title: definition.title[lang],
    overall: displayScore(stored.overall),
    band: { id: band.id, name: band.name[lang], feedback: band.feedback[lang] },
    dimensions: definition.dimensions.map((dimension) => {
      const score = stored.dimensions[dimension.id] ?? 0;
      const dimensionBand = findBand(definition, score);
      return {
        id: dimension.id,
        name: dimension.name[lang],
        score,
        rounded: displayScore(score),
        bandName: dimensionBand.name[lang],
        feedback: dimensionBand.dimensionFeedback[dimension.id]?.[lang] ?? "",
      };
    }),
    answers: summariseAnswers(definition, answers, lang, labels),
  };
}

/**
 * The stored recommendations as the results page lists them, in one language. The engine
 * ranked them against the peers of the day of submission; a recommendation whose reason
 * lies in an area the page now names a strength (`strengths`, dimension ids) moves after
 * the others, so that a strength is never the reason of the first (decision 022).
 */
export function recommendationItems(
  recommendations: readonly StoredRecommendation[],
  lang: LanguageId,
  strengths: readonly string[] = [],
) {
  const inStrength = (r: StoredRecommendation) =>
    strengths.includes(String(r.trigger.dimension ?? ""));
  const ordered = [
    ...recommendations.filter((r) => !inStrength(r)),
    ...recommendations.filter(inStrength),
  ];
  return ordered.map((r, i) => ({
    rank: i + 1,
    category: r.category,
    name: r.name[lang],
    description: r.description[lang],
    reason: r.reason[lang],
    contact: r.contact,
  }));
}
