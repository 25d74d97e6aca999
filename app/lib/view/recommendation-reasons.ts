/**
 * A recommendation's reason in plain language, worded at read time from the stored trigger
 * and the definition version the assessment answered.
 */
import type { SurveyDefinition } from "../core/definitions";
import { findQuestion } from "../core/definitions";
import type { Trigger } from "../core/recommendations";
import { displayScore, findBand } from "../core/scoring";
import type { LanguageId } from "../core/vocabularies";
import { items, localise } from "./answer-summary";
import { peerGroupLabel } from "./peer-view";
import type { Translate } from "./translate";

/**
 * A trigger in plain language: the dimension and its score, or the question and the
 * answer given, as the respondent saw them in this definition version.
 */
export function describeTrigger(
  trigger: Trigger,
  definition: SurveyDefinition,
  lang: LanguageId,
  text: Translate,
): string {
  const dimension =
    definition.dimensions.find((d) => d.id === trigger.dimension)?.name[lang] ?? trigger.dimension;
  if (trigger.kind === "dimension") {
    const variables = {
      dimension,
      score: displayScore(trigger.score),
      band: findBand(definition, trigger.score).name[lang],
    };
    if (trigger.peerMedian !== undefined && trigger.peerGroup) {
      return text("recommendations.reason.dimensionBelowPeers", {
        ...variables,
        group: peerGroupLabel(trigger.peerGroup.kind, trigger.peerGroup.value, text),
        median: displayScore(trigger.peerMedian),
      });
    }
    return text("recommendations.reason.dimension", variables);
  }
  const question = findQuestion(definition, trigger.question)?.json ?? {};
  const title = localise(question.title, lang) || trigger.question;
  if (trigger.kind === "choice") {
    const item = items(question, "choices").find((c) => c.value === String(trigger.item));
    return text(
      trigger.selected
        ? "recommendations.reason.choiceSelected"
        : "recommendations.reason.choiceMissing",
      { item: localise(item?.text, lang), question: title, dimension },
    );
  }
  const row = items(question, "rows").find((r) => r.value === trigger.row);
  if (trigger.kind === "cell") {
    const column = (Array.isArray(question.columns) ? question.columns : []).find(
      (c: unknown) => (c as { name?: unknown } | null)?.name === trigger.column,
    ) as { title?: unknown } | undefined;
    return text(trigger.ticked ? "reasonCell.ticked" : "reasonCell.notTicked", {
      column: localise(column?.title, lang) || trigger.column,
      row: localise(row?.text, lang),
      question: title,
      dimension,
    });
  }
  const column = items(question, "columns").find((c) => c.value === String(trigger.value));
  return text("recommendations.reason.row", {
    row: localise(row?.text, lang),
    value: localise(column?.text, lang),
    question: title,
    dimension,
  });
}
