import type { ChangeEvent, Ref } from "react";
import {
  inputName,
  isChecked,
  NONE_VALUE,
  savedText,
  type NativeCheckboxQuestion,
  type NativeCommentQuestion,
  type NativeMatrixQuestion,
  type NativePage,
  type NativeQuestion,
  type NativeTickGridQuestion,
} from "../lib/view/native-questionnaire";

type SurveyData = Readonly<Record<string, unknown>>;

/**
 * The questionnaire's current page as a plain form with native radios, tick boxes and a
 * text area, drawn on the server and by the first render in the browser alike, with the
 * saved answers ticked (decision 031). Its inputs are uncontrolled: whatever the
 * respondent ticks before the scripts run stays in the DOM, where `onChange` and SurveyJS
 * read it (`readPage`). Looks like SurveyJS's page so that nothing moves when it takes over.
 */
export function NativeQuestionnaire(props: {
  page: NativePage;
  data: SurveyData;
  formRef: Ref<HTMLFormElement>;
  onChange: () => void;
}) {
  const { page, data, formRef, onChange } = props;
  return (
    <form
      ref={formRef}
      className="native-form"
      data-testid="native-page"
      onSubmit={(event) => event.preventDefault()}
      onChange={(event: ChangeEvent<HTMLFormElement>) => {
        keepExclusive(page, event.target as unknown as HTMLInputElement);
        onChange();
      }}
    >
      {/* SurveyJS's page progress, drawn alike so that its page starts at the same height. */}
      <ol className="native-form__progress" aria-hidden="true">
        {Array.from({ length: page.count }, (_, i) => (
          <li key={i} className={i === page.index ? "native-form__step--current" : undefined} />
        ))}
      </ol>
      <div className="native-form__page">
        <h2 className="native-form__page-title">{page.title}</h2>
        {page.description ? (
          <p className="native-form__page-description">{page.description}</p>
        ) : null}
      </div>
      {page.questions.map((question) => (
        <QuestionCard key={question.name} question={question} data={data} />
      ))}
    </form>
  );
}

/** A "none of these" or exclusive choice clears the others, and any other clears them. */
function keepExclusive(page: NativePage, input: HTMLInputElement): void {
  if (input.type !== "checkbox" || !input.checked) return;
  const question = page.questions.find((q) => q.name === input.name);
  if (question?.kind !== "checkbox") return;
  const exclusive = new Set([
    NONE_VALUE,
    ...question.choices.filter((c) => c.exclusive).map((c) => String(c.value)),
  ]);
  const boxes = input.form?.querySelectorAll<HTMLInputElement>("input[type=checkbox]") ?? [];
  for (const box of boxes) {
    if (box === input || box.name !== input.name) continue;
    if (exclusive.has(input.value) || exclusive.has(box.value)) box.checked = false;
  }
}

const idOf = (...parts: string[]) => `native-${parts.join("-")}`;

function QuestionCard({ question, data }: { question: NativeQuestion; data: SurveyData }) {
  const titleId = idOf(question.name, "title");
  const descriptionId = idOf(question.name, "description");
  return (
    <div
      className={`native-q native-q--${question.kind}`}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={question.description ? descriptionId : undefined}
      data-name={question.name}
    >
      <h3 className="native-q__title" id={titleId}>
        {question.title}
        {question.required ? (
          <span className="native-q__required" aria-hidden="true">
            {" *"}
          </span>
        ) : null}
      </h3>
      {question.description ? (
        <p className="native-q__description" id={descriptionId}>
          {question.description}
        </p>
      ) : null}
      {question.kind === "checkbox" ? (
        <Choices question={question} data={data} />
      ) : question.kind === "comment" ? (
        <Comment question={question} data={data} titleId={titleId} />
      ) : (
        <Grid question={question} data={data} />
      )}
    </div>
  );
}

function Choices({ question, data }: { question: NativeCheckboxQuestion; data: SurveyData }) {
  const items = question.choices.map((choice) => ({ value: choice.value, text: choice.text }));
  if (question.none !== undefined) items.push({ value: NONE_VALUE, text: question.none });
  return (
    <div className="native-q__choices">
      {items.map((item) => (
        <label className="native-option" key={String(item.value)}>
          <input
            type="checkbox"
            name={question.name}
            value={String(item.value)}
            defaultChecked={isChecked(question, data, item.value)}
          />
          <span className="native-option__text">{item.text}</span>
        </label>
      ))}
    </div>
  );
}

function Comment(props: { question: NativeCommentQuestion; data: SurveyData; titleId: string }) {
  const { question, data, titleId } = props;
  return (
    <textarea
      className="native-q__comment"
      name={question.name}
      rows={question.rows}
      maxLength={question.maxLength}
      aria-labelledby={titleId}
      defaultValue={savedText(question, data)}
    />
  );
}

/**
 * A matrix (one radio per row) or a tick grid (a box per row and column): a table of
 * columns on a wide screen, each row's levels stacked on a narrow one (as SurveyJS does
 * below its mobile width), and a matrix shown as a list always stacked.
 */
function Grid(props: {
  question: NativeMatrixQuestion | NativeTickGridQuestion;
  data: SurveyData;
}) {
  const { question, data } = props;
  const radio = question.kind === "matrix";
  const list = radio && question.list;
  const layout = list ? "list" : radio ? "matrix" : "ticks";
  return (
    <div
      className={`native-grid native-grid--${layout}`}
      style={{ "--native-columns": question.columns.length } as Record<string, number>}
    >
      {list ? null : (
        <div className="native-grid__head" aria-hidden="true">
          <span />
          {question.columns.map((column) => (
            <span key={String(column.value)} className="native-grid__column">
              {column.text}
            </span>
          ))}
        </div>
      )}
      {question.rows.map((row) => {
        const rowId = idOf(question.name, "row", row.value);
        return (
          <div
            key={row.value}
            className="native-grid__row"
            role={radio ? "radiogroup" : "group"}
            aria-labelledby={rowId}
          >
            <span className="native-grid__row-title" id={rowId}>
              {row.text}
            </span>
            {question.columns.map((column) => (
              <label className="native-option native-grid__cell" key={String(column.value)}>
                <input
                  type={radio ? "radio" : "checkbox"}
                  name={
                    radio
                      ? inputName(question.name, row.value)
                      : inputName(question.name, row.value, String(column.value))
                  }
                  value={radio ? String(column.value) : "on"}
                  defaultChecked={isChecked(question, data, column.value, row.value)}
                />
                <span className="native-option__text native-grid__cell-text">{column.text}</span>
              </label>
            ))}
          </div>
        );
      })}
    </div>
  );
}
