/**
 * Scores complete answers with the rules of their definition (docs/definition-format.md).
 * Deterministic and pure; the server recomputes every score, the client's are never used.
 */
import { validateAnswers, type Answers } from "./answers";
import {
  questionIndex,
  type Band,
  type Result,
  type ScoredQuestionSpec,
  type SurveyDefinition,
} from "./definitions";

/** Unrounded scores: questions 0..1, dimensions and overall 0..100. */
export interface Score {
  /** Dimension id → 0..100. */
  dimensions: Record<string, number>;
  /** Mean of the dimension scores, 0..100. */
  overall: number;
  /** Id of the band that holds `overall`. */
  band: string;
  /** Scored question name → 0..1. */
  questions: Record<string, number>;
}

/**
 * A score as the number it stands for, settled at 6 decimals: a mean of rationals that is
 * 57.5 on paper comes out as 57.49999999999999 in floating point, and 25 as
 * 25.000000000000004. Two different scores of our questionnaires are always far more than
 * 1e-6 apart, so what this removes is only noise. Band lookup and display rounding both
 * start from it (docs/definition-format.md, "Scoring rules").
 */
export function settleScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/**
 * Validates answers as complete (`validateAnswers`) and scores them. Incomplete or malformed
 * answers give `ok: false` with every problem: there is never a partial or guessed score.
 */
export function scoreAnswers(definition: SurveyDefinition, answers: unknown): Result<Score> {
  const checked = validateAnswers(definition, answers, { complete: true });
  if (!checked.ok) return checked;

  const { scored } = questionIndex(definition);
  const sums = new Array<number>(definition.dimensions.length).fill(0);
  const weights = new Array<number>(definition.dimensions.length).fill(0);
  const questions: Record<string, number> = {};
  for (const spec of scored) {
    const score = scoreQuestion(spec, checked.value);
    questions[spec.name] = score;
    sums[spec.dimension] += spec.weight * score;
    weights[spec.dimension] += spec.weight;
  }

  const dimensions: Record<string, number> = {};
  let total = 0;
  definition.dimensions.forEach((dimension, i) => {
    // Validation guarantees every dimension has a scored question, so weights[i] > 0.
    const score = (sums[i] / weights[i]) * 100;
    dimensions[dimension.id] = score;
    total += score;
  });
  const overall = total / definition.dimensions.length;
  return {
    ok: true,
    value: { dimensions, overall, band: findBand(definition, overall).id, questions },
  };
}

/** One question's score in 0..1; the answer has passed `validateAnswers` as complete. */
function scoreQuestion(spec: ScoredQuestionSpec, answers: Answers): number {
  switch (spec.kind) {
    case "share-selected": {
      const selected = answers[spec.name] as number[];
      for (const item of selected) if (spec.exclusive.has(item)) return 0;
      return selected.length / (spec.items - spec.exclusive.size);
    }
    case "boolean-grid": {
      const grid = answers[spec.name] as Record<string, Record<string, boolean>>;
      let sum = 0;
      for (const row of Object.keys(grid)) {
        const cells = grid[row];
        for (const column of Object.keys(cells)) {
          if (cells[column]) sum += spec.columns.get(column) ?? 0;
        }
      }
      return sum / spec.rows.length;
    }
    case "rating-grid": {
      const grid = answers[spec.name] as Record<string, number>;
      let sum = 0;
      for (const row of spec.rows) sum += grid[row] - spec.min;
      return sum / (spec.rows.length * (spec.max - spec.min));
    }
    case "value-grid": {
      const grid = answers[spec.name] as Record<string, string>;
      let sum = 0;
      for (const row of spec.rows) sum += spec.values.get(grid[row]) ?? 0;
      return sum / spec.rows.length;
    }
  }
}

/**
 * The band that holds a 0..100 score: `min < score <= max`, the first band also holding 0
 * (bands are validated to be ordered and contiguous from 0 to 100).
 */
export function findBand(definition: SurveyDefinition, score: number): Band {
  const { bands } = definition;
  const settled = settleScore(score);
  return bands.find((band) => settled <= band.max) ?? bands[bands.length - 1];
}

/**
 * A score as shown to people: a whole number, half up (82.5 → 83), from the settled score
 * so that an exact 57.5 shows as 58 (scores are stored unrounded).
 */
export function displayScore(score: number): number {
  return Math.round(settleScore(score));
}

/**
 * A score or statistic to one decimal, half up, from the settled value: the precision of the
 * peer histograms (tenths of a point), so 57.25 that floating point holds as 57.249999… gives
 * 57.3, as on paper.
 */
export function tenthsScore(score: number): number {
  return Math.round(settleScore(score) * 10) / 10;
}
