import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { Model, QuestionMatrixDropdownModel } from "survey-core";
import "survey-core/i18n/swedish";
import { Survey } from "survey-react-ui";
import { surveyDataToAnswers } from "../lib/core/answers";
import type { AutosaveQueue } from "../lib/client/autosave";
import { postJson } from "../lib/client/post-json";
import type { SurveyDefinition } from "../lib/core/definitions";
import { useTranslation } from "./i18n";
import type { QuestionnaireStatus } from "./questionnaire-page";

export interface QuestionnaireProps {
  token: string;
  definition: SurveyDefinition;
  currentPage: number;
  /** The page's autosave queue, shared with the native form SurveyJS takes over. */
  queue: AutosaveQueue;
  /** The answers to start from: the saved ones with the native form's (read once). */
  takeOver: () => Record<string, unknown>;
  /** SurveyJS is on screen: the native form can go. */
  onReady: () => void;
  onStatus: (status: QuestionnaireStatus) => void;
  onPosition: (position: { number: number; count: number }) => void;
  onSubmitted: () => void;
}

/**
 * The SurveyJS questionnaire of the pinned definition version, in the page's language,
 * saving every answer as it is given (through the page's AutosaveQueue) and submitting at
 * the end. Browser-only: loaded lazily after hydration, so SurveyJS is not in the first
 * load; until it arrives the page shows its native form (QuestionnairePage).
 */
export default function Questionnaire(props: QuestionnaireProps) {
  const { token, definition, currentPage, queue } = props;
  const { lang } = useTranslation();
  const callbacks = useRef(props);
  callbacks.current = props;

  const model = useMemo(() => {
    const model = new Model(definition.survey);
    model.locale = lang === "sv" ? "sv" : "";
    model.data = callbacks.current.takeOver();
    model.showProgressBar = true;
    model.progressBarType = "pages";
    model.showQuestionNumbers = "off";
    if (currentPage > 0 && currentPage < model.visiblePageCount) model.currentPageNo = currentPage;
    model.onValueChanged.add((_sender, options) => {
      const converted = surveyDataToAnswers(definition, { [options.name]: options.value });
      queue.change(options.name, options.name in converted ? converted[options.name] : null);
    });
    model.onCurrentPageChanged.add((sender) => {
      queue.page(sender.currentPageNo);
      callbacks.current.onPosition({
        number: sender.currentPageNo + 1,
        count: sender.visiblePageCount,
      });
    });
    model.onCompleting.add((_sender, options) => {
      // Submission is the server's: save what is pending, submit, then show the results.
      options.allow = false;
      callbacks.current.onStatus({ status: "submitting" });
      void (async () => {
        const saved = await queue.flush();
        const response = saved
          ? await postJson(`/api/v1/assessments/${token}/submit`, {})
          : { status: 0, message: undefined };
        if (response.status === 200 || response.status === 409) callbacks.current.onSubmitted();
        else
          callbacks.current.onStatus({ status: "submitFailed", message: response.message ?? "" });
      })();
    });
    return model;
    // The model is built once per page load; the language switch reloads the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useLayoutEffect(() => {
    // Before the browser paints: SurveyJS replaces the native form in one frame.
    callbacks.current.onReady();
    callbacks.current.onPosition({
      number: model.currentPageNo + 1,
      count: model.visiblePageCount,
    });
  }, [model]);

  useEffect(() => {
    // Build every tick grid's rows once the questionnaire is on screen, not while React
    // renders a later page: SurveyJS fills the untouched cells (false) as it builds the
    // rows, a change that would otherwise update other components in the middle of that
    // render. The filled grids are saved like any answer (nothing ticked is an answer).
    for (const question of model.getAllQuestions()) {
      if (question instanceof QuestionMatrixDropdownModel) void question.visibleRows;
    }
  }, [model]);

  return <Survey model={model} />;
}
