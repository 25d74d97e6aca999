import { useEffect, useMemo, useRef, useState } from "react";
import { Model, QuestionMatrixDropdownModel } from "survey-core";
import "survey-core/i18n/swedish";
import { Survey } from "survey-react-ui";
import { surveyDataToAnswers } from "../lib/core/answers";
import { AutosaveQueue, type SaveResponse, type SaveStatus } from "../lib/client/autosave";
import type { SurveyDefinition } from "../lib/core/definitions";
import { useTranslation } from "./i18n";

export interface QuestionnaireProps {
  token: string;
  definition: SurveyDefinition;
  surveyData: Record<string, unknown>;
  currentPage: number;
  onSubmitted: () => void;
}

async function postJson(url: string, body: unknown): Promise<SaveResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    keepalive: true,
  });
  if (response.ok) return { status: response.status };
  const parsed = (await response.json().catch(() => null)) as {
    errors?: { path: string; message: string }[];
  } | null;
  const first = parsed?.errors?.[0];
  return {
    status: response.status,
    message: first ? `${first.path}: ${first.message}` : undefined,
  };
}

/**
 * The SurveyJS questionnaire of the pinned definition version, in the page's language,
 * saving every answer as it is given (see AutosaveQueue) and submitting at the end.
 * Browser-only: loaded lazily after hydration, so SurveyJS is not in the first load.
 */
export default function Questionnaire(props: QuestionnaireProps) {
  const { token, definition, surveyData, currentPage, onSubmitted } = props;
  const { t, lang } = useTranslation();
  const [status, setStatus] = useState<{
    status: SaveStatus | "submitting" | "submitFailed";
    message?: string;
  }>({
    status: "idle",
  });
  const [page, setPage] = useState({ number: 1, count: 1 });
  const onSubmittedRef = useRef(onSubmitted);
  onSubmittedRef.current = onSubmitted;

  const { model, queue } = useMemo(() => {
    const model = new Model(definition.survey);
    model.locale = lang === "sv" ? "sv" : "";
    model.data = surveyData;
    model.showProgressBar = true;
    model.progressBarType = "pages";
    model.showQuestionNumbers = "off";
    if (currentPage > 0 && currentPage < model.visiblePageCount) model.currentPageNo = currentPage;
    const queue = new AutosaveQueue({
      send: (body) => postJson(`/api/v1/assessments/${token}/answers`, body),
      onStatus: (s, message) => setStatus({ status: s, message }),
      onConflict: () => onSubmittedRef.current(),
    });
    model.onValueChanged.add((_sender, options) => {
      const converted = surveyDataToAnswers(definition, { [options.name]: options.value });
      queue.change(options.name, options.name in converted ? converted[options.name] : null);
    });
    model.onCurrentPageChanged.add((sender) => {
      queue.page(sender.currentPageNo);
      setPage({ number: sender.currentPageNo + 1, count: sender.visiblePageCount });
    });
    model.onCompleting.add((_sender, options) => {
      // Submission is the server's: save what is pending, submit, then show the results.
      options.allow = false;
      setStatus({ status: "submitting" });
      void (async () => {
        const saved = await queue.flush();
        const response = saved
          ? await postJson(`/api/v1/assessments/${token}/submit`, {})
          : { status: 0, message: undefined };
        if (response.status === 200 || response.status === 409) onSubmittedRef.current();
        else setStatus({ status: "submitFailed", message: response.message ?? "" });
      })();
    });
    return { model, queue };
    // The model is built once per page load; the language switch reloads the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // Build every tick grid's rows once the questionnaire is on screen, not while React
    // renders a later page: SurveyJS fills the untouched cells (false) as it builds the
    // rows, a change that would otherwise update other components in the middle of that
    // render. The filled grids are saved like any answer (nothing ticked is an answer).
    for (const question of model.getAllQuestions()) {
      if (question instanceof QuestionMatrixDropdownModel) void question.visibleRows;
    }
  }, [model]);

  useEffect(() => {
    setPage({ number: model.currentPageNo + 1, count: model.visiblePageCount });
  }, [model]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!queue.busy) return;
      void queue.flush();
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [queue]);

  const statusText =
    status.status === "saving"
      ? t("questionnaire.saving")
      : status.status === "saved"
        ? t("questionnaire.saved")
        : status.status === "retrying"
          ? t("questionnaire.retrying")
          : status.status === "rejected"
            ? t("questionnaire.rejected", { message: status.message ?? "" })
            : status.status === "submitting"
              ? t("questionnaire.submitting")
              : status.status === "submitFailed"
                ? t("questionnaire.submitFailed", { message: status.message ?? "" })
                : "";

  return (
    <div className="questionnaire">
      {/* Sticky while answering: where one is ("page 2 of 7", which a phone's progress bar
          does not say) and whether the answers are saved. */}
      <div className="questionnaire__bar">
        <p className="questionnaire__page" data-testid="page-count">
          {t("questionnaire.pageOf", { page: page.number, pages: page.count })}
        </p>
        <p className={`save-status save-status--${status.status}`} role="status" aria-live="polite">
          {statusText}
        </p>
      </div>
      <Survey model={model} />
    </div>
  );
}
