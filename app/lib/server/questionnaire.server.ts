import { answersToSurveyData, type Answers } from "../core/answers";
import type { OpenedAssessment } from "./assessments.server";
import type { LanguageId } from "../core/vocabularies";

/**
 * What the questionnaire page needs: the pinned definition and the saved answers in
 * SurveyJS's shape. (Kept out of the route module so the answer contract's zod schemas
 * stay out of the page's first-load bundle; the lazily loaded questionnaire has them.)
 */
export function questionnaireView(opened: OpenedAssessment, lang: LanguageId) {
  const { assessment, entry } = opened;
  return {
    title: entry.definition.title[lang],
    stage: assessment.stage,
    version: entry.version,
    definition: entry.definition,
    surveyData: answersToSurveyData(entry.definition, assessment.answers as Answers),
    currentPage: assessment.current_page,
  };
}
