import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AutosaveQueue, type SaveStatus } from "../lib/client/autosave";
import { postJson } from "../lib/client/post-json";
import type { SurveyDefinition } from "../lib/core/definitions";
import { mergeIntoSurveyData, nativePage, unsavedAnswers } from "../lib/view/native-questionnaire";
import { useHydrated } from "./client-only";
import { useTranslation } from "./i18n";
import { NativeQuestionnaire } from "./native-questionnaire";

const Questionnaire = lazy(() => import("./questionnaire.client"));

export type QuestionnaireStatus = {
  status: SaveStatus | "submitting" | "submitFailed";
  message?: string;
};

/** Where the focus was in the native form, to put it on the same box in SurveyJS's page. */
interface NativeFocus {
  question: string;
  index: number;
}

/**
 * The questionnaire of `/a/<token>`: its sticky bar (page x of y, saved), the current page
 * as a native form until SurveyJS has loaded (decision 031), then SurveyJS on the same
 * page, started from the form's answers. One autosave queue serves both, so an answer
 * ticked in the form and not yet saved is saved, and the status line never starts over.
 */
export function QuestionnairePage(props: {
  token: string;
  definition: SurveyDefinition;
  surveyData: Record<string, unknown>;
  currentPage: number;
  onSubmitted: () => void;
}) {
  const { token, definition, surveyData, currentPage, onSubmitted } = props;
  const { t, lang } = useTranslation();
  const hydrated = useHydrated();
  const page = useMemo(
    () => nativePage(definition.survey, currentPage, lang),
    [definition, currentPage, lang],
  );
  const pageCount = Array.isArray(definition.survey.pages) ? definition.survey.pages.length : 1;
  const [position, setPosition] = useState({
    number: (page?.index ?? 0) + 1,
    count: page?.count ?? pageCount,
  });
  const [status, setStatus] = useState<QuestionnaireStatus>({ status: "idle" });
  const [takenOver, setTakenOver] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusRef = useRef<NativeFocus | undefined>(undefined);
  /** SurveyJS's data as last saved or queued, to find what the form changed since. */
  const knownRef = useRef<Record<string, unknown>>(surveyData);
  const onSubmittedRef = useRef(onSubmitted);
  onSubmittedRef.current = onSubmitted;

  const [queue] = useState(
    () =>
      new AutosaveQueue({
        send: (body) => postJson(`/api/v1/assessments/${token}/answers`, body),
        onStatus: (s, message) => setStatus({ status: s, message }),
        onConflict: () => onSubmittedRef.current(),
      }),
  );

  /** Queues every answer of the form that differs from what was saved or queued. */
  const saveNative = useCallback(() => {
    const form = formRef.current;
    if (!form || !page) return knownRef.current;
    const values = new FormData(form);
    const changed = unsavedAnswers(page, values, knownRef.current);
    for (const [name, answer] of Object.entries(changed)) queue.change(name, answer);
    knownRef.current = mergeIntoSurveyData(page, values, knownRef.current);
    return knownRef.current;
  }, [page, queue]);

  // Whatever was ticked before the scripts ran never reached React (entry.client.tsx holds
  // such events until hydration): save it now.
  useEffect(() => {
    saveNative();
  }, [saveNative]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!queue.busy) return;
      void queue.flush();
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [queue]);

  /** Called by SurveyJS as it builds its model: the form's answers, saved or queued. */
  const takeOver = useCallback(() => {
    const form = formRef.current;
    const active = document.activeElement;
    if (form && active && form.contains(active)) {
      const question = active.closest<HTMLElement>("[data-name]");
      const inputs = question ? [...question.querySelectorAll("input, textarea")] : [];
      if (question?.dataset.name) {
        focusRef.current = { question: question.dataset.name, index: inputs.indexOf(active) };
      }
    }
    return saveNative();
  }, [saveNative]);

  useEffect(() => {
    // Keep the keyboard where it was: the same box of the same question in SurveyJS.
    const focus = focusRef.current;
    if (!takenOver || !focus) return;
    focusRef.current = undefined;
    const question = document.querySelector(
      `.questionnaire .sd-question[data-name="${CSS.escape(focus.question)}"]`,
    );
    const inputs = question ? [...question.querySelectorAll<HTMLElement>("input, textarea")] : [];
    (inputs[focus.index] ?? inputs[0])?.focus({ preventScroll: true });
  }, [takenOver]);

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
          {t("questionnaire.pageOf", { page: position.number, pages: position.count })}
        </p>
        <p className={`save-status save-status--${status.status}`} role="status" aria-live="polite">
          {statusText}
        </p>
      </div>
      {takenOver ? null : page ? (
        <NativeQuestionnaire
          page={page}
          data={surveyData}
          formRef={formRef}
          onChange={saveNative}
        />
      ) : (
        <p className="loading">{t("questionnaire.loading")}</p>
      )}
      {hydrated ? (
        <Suspense fallback={null}>
          <Questionnaire
            token={token}
            definition={definition}
            currentPage={currentPage}
            queue={queue}
            takeOver={takeOver}
            onReady={() => setTakenOver(true)}
            onStatus={setStatus}
            onPosition={setPosition}
            onSubmitted={() => onSubmittedRef.current()}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
