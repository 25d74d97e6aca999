/**
 * A follow-up's progress since the earlier assessment (pure): per area and overall, the
 * score then and now and the change, in the respondent's language.
 */
import { formatChange } from "./numbers";
import type { Stage } from "../../../db/schema";
import type { SurveyDefinition } from "../core/definitions";
import { displayScore } from "../core/scoring";
import type { LanguageId } from "../core/vocabularies";
import type { Translate } from "./translate";

export interface ProgressRow {
  id: string;
  name: string;
  /** Unrounded, for the chart. */
  before: number;
  now: number;
  /** "+12", "−3" or "±0", from the rounded scores (as the page shows them). */
  change: string;
}

export interface ProgressView {
  /** "Since your first assessment" / "Sedan er första mätning". */
  since: string;
  /** The overall change in a sentence. */
  summary: string;
  rows: ProgressRow[];
  overall: ProgressRow;
  /** Series names: the earlier stage and this one. */
  labels: { before: string; now: string };
}

/** The progress of `current` since `previous`, every area in the definition's order. */
export function buildProgressView(
  definition: SurveyDefinition,
  current: { stage: Stage; overall: number; dimensions: Record<string, number> },
  previous: { stage: Stage; overall: number; dimensions: Record<string, number> },
  lang: LanguageId,
  t: Translate,
): ProgressView {
  const row = (id: string, name: string, before: number, now: number): ProgressRow => ({
    id,
    name,
    before,
    now,
    change: formatChange(displayScore(now) - displayScore(before), lang, 0),
  });
  const difference = displayScore(current.overall) - displayScore(previous.overall);
  const words = {
    before: displayScore(previous.overall),
    now: displayScore(current.overall),
    points: Math.abs(difference),
    stage: t(`journey.stage.${previous.stage}`).toLowerCase(),
  };
  return {
    since: t("journey.progressSince", { stage: words.stage }),
    summary:
      difference > 0
        ? t("journey.progressUp", words)
        : difference < 0
          ? t("journey.progressDown", words)
          : t("journey.progressSame", words),
    rows: definition.dimensions.map((d) =>
      row(d.id, d.name[lang], previous.dimensions[d.id] ?? 0, current.dimensions[d.id] ?? 0),
    ),
    overall: row("overall", t("results.overall"), previous.overall, current.overall),
    labels: {
      before: t(`journey.stage.${previous.stage}`),
      now: t(`journey.stage.${current.stage}`),
    },
  };
}
