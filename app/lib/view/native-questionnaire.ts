/**
 * The questionnaire's current page as a plain HTML form, for the seconds before SurveyJS
 * arrives (decision 031): which questions it has, in the respondent's language, the names
 * and values of their native inputs, and the way back from those inputs to SurveyJS's data
 * and to the stored answers (docs/definition-format.md). Pure, and free of zod and of the
 * definition validator: it is part of the page's first load.
 *
 * Input names: a checkbox question's boxes are `<question>` with the choice's value (its
 * "none of these" item `none`); a matrix row's radios `<question>:<row>` with the column's
 * value; a tick grid's boxes `<question>:<row>:<column>`; a comment is `<question>`.
 */
import type { LanguageId } from "../core/vocabularies";

interface Labelled<V> {
  value: V;
  text: string;
}

interface QuestionBase {
  name: string;
  title: string;
  description?: string;
  required: boolean;
}

/** A `checkbox` question: its choices, exclusive ones marked, and its "none" item. */
export interface NativeCheckboxQuestion extends QuestionBase {
  kind: "checkbox";
  choices: (Labelled<string | number> & { exclusive: boolean })[];
  /** The text of the "none of these" item, when it has one. */
  none?: string;
}

/** A `matrix` (one radio per row and column); `list` shows each row's levels one per line. */
export interface NativeMatrixQuestion extends QuestionBase {
  kind: "matrix";
  rows: Labelled<string>[];
  columns: Labelled<string | number>[];
  list: boolean;
}

/** A `matrixdropdown` of boolean checkbox cells (the only kind the format allows). */
export interface NativeTickGridQuestion extends QuestionBase {
  kind: "tick-grid";
  rows: Labelled<string>[];
  columns: Labelled<string>[];
}

/** A `comment` (free text, unscored). */
export interface NativeCommentQuestion extends QuestionBase {
  kind: "comment";
  maxLength?: number;
  rows: number;
}

export type NativeQuestion =
  NativeCheckboxQuestion | NativeMatrixQuestion | NativeTickGridQuestion | NativeCommentQuestion;

export interface NativePage {
  /** 0-based, as `assessments.current_page`. */
  index: number;
  count: number;
  title: string;
  description?: string;
  questions: NativeQuestion[];
}

/** SurveyJS's value of a checkbox's "none of these" item. */
export const NONE_VALUE = "none";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown, lang: LanguageId): string | undefined {
  if (typeof value === "string") return value;
  if (!isObject(value)) return undefined;
  const localised = lang === "sv" ? (value.sv ?? value.default) : value.default;
  return typeof localised === "string" ? localised : undefined;
}

/** The keys a question may have and still be drawn natively; any other (visibleIf, …) is not. */
const COMMON_KEYS = ["type", "name", "title", "description", "isRequired"];
const KNOWN_KEYS: Record<string, ReadonlySet<string>> = {
  checkbox: new Set([...COMMON_KEYS, "showNoneItem", "noneText", "choices"]),
  matrix: new Set([...COMMON_KEYS, "eachRowRequired", "displayMode", "rows", "columns"]),
  matrixdropdown: new Set([...COMMON_KEYS, "rows", "columns"]),
  comment: new Set([...COMMON_KEYS, "maxLength", "rows"]),
};

function items(json: Json, key: string, lang: LanguageId): Labelled<unknown>[] | undefined {
  const list = json[key];
  if (!Array.isArray(list)) return undefined;
  const out: Labelled<unknown>[] = [];
  for (const item of list) {
    const label = isObject(item) ? text(item.text, lang) : undefined;
    if (!isObject(item) || label === undefined) return undefined;
    if (typeof item.value !== "string" && typeof item.value !== "number") return undefined;
    out.push({ value: item.value, text: label });
  }
  return out.length > 0 ? out : undefined;
}

const onlyStrings = (list: Labelled<unknown>[]) =>
  list.every((item) => typeof item.value === "string") ? (list as Labelled<string>[]) : undefined;

function nativeQuestion(json: Json, lang: LanguageId): NativeQuestion | undefined {
  const type = typeof json.type === "string" ? json.type : "";
  const known = KNOWN_KEYS[type];
  const name = json.name;
  const title = text(json.title, lang);
  if (!known || typeof name !== "string" || title === undefined) return undefined;
  if (Object.keys(json).some((key) => !known.has(key))) return undefined;
  const description = json.description === undefined ? undefined : text(json.description, lang);
  const base = { name, title, description, required: json.isRequired === true };

  switch (type) {
    case "checkbox": {
      const list = Array.isArray(json.choices) ? json.choices : [];
      const choices = items(json, "choices", lang);
      if (!choices || choices.some((c) => String(c.value) === NONE_VALUE)) return undefined;
      const none = json.showNoneItem === true ? text(json.noneText, lang) : undefined;
      if (json.showNoneItem === true && none === undefined) return undefined;
      return {
        ...base,
        kind: "checkbox",
        choices: choices.map((choice, i) => ({
          value: choice.value as string | number,
          text: choice.text,
          exclusive: isObject(list[i]) && list[i].isExclusive === true,
        })),
        none,
      };
    }
    case "matrix": {
      const rows = items(json, "rows", lang);
      const columns = items(json, "columns", lang);
      const display = json.displayMode ?? "table";
      if (!rows || !columns || (display !== "table" && display !== "list")) return undefined;
      const stringRows = onlyStrings(rows);
      if (!stringRows) return undefined;
      return {
        ...base,
        kind: "matrix",
        rows: stringRows,
        columns: columns as Labelled<string | number>[],
        list: display === "list",
      };
    }
    case "matrixdropdown": {
      const rows = items(json, "rows", lang);
      const stringRows = rows && onlyStrings(rows);
      if (!stringRows || !Array.isArray(json.columns) || json.columns.length === 0) {
        return undefined;
      }
      const columns: Labelled<string>[] = [];
      for (const column of json.columns) {
        const label = isObject(column) ? text(column.title, lang) : undefined;
        if (
          !isObject(column) ||
          typeof column.name !== "string" ||
          label === undefined ||
          column.cellType !== "boolean" ||
          column.renderAs !== "checkbox"
        ) {
          return undefined;
        }
        columns.push({ value: column.name, text: label });
      }
      return { ...base, kind: "tick-grid", rows: stringRows, columns };
    }
    case "comment": {
      const rows = json.rows ?? 4;
      if (typeof rows !== "number") return undefined;
      const maxLength = typeof json.maxLength === "number" ? json.maxLength : undefined;
      return { ...base, kind: "comment", rows, maxLength };
    }
  }
  return undefined;
}

/**
 * The page the respondent is on (`currentPage`, 0-based; out of range is the first page),
 * or undefined when one of its elements cannot be drawn natively (a panel, a question type
 * or property this renderer does not know): that page then waits for SurveyJS.
 */
export function nativePage(
  survey: Readonly<Json>,
  currentPage: number,
  lang: LanguageId,
): NativePage | undefined {
  const pages = Array.isArray(survey.pages) ? survey.pages : [];
  if (pages.length === 0) return undefined;
  const index = currentPage > 0 && currentPage < pages.length ? currentPage : 0;
  const page: unknown = pages[index];
  if (!isObject(page) || !Array.isArray(page.elements)) return undefined;
  const questions: NativeQuestion[] = [];
  for (const element of page.elements) {
    const question = isObject(element) ? nativeQuestion(element, lang) : undefined;
    if (!question) return undefined;
    questions.push(question);
  }
  const title = text(page.title, lang) ?? "";
  const description = page.description === undefined ? undefined : text(page.description, lang);
  return { index, count: pages.length, title, description, questions };
}

/** The name of a matrix row's radios, or of a tick grid's box (with its column). */
export function inputName(question: string, row?: string, column?: string): string {
  return [question, row, column].filter((part) => part !== undefined).join(":");
}

/** Whether a native input starts checked: the saved SurveyJS data says so. */
export function isChecked(
  question: NativeQuestion,
  data: Readonly<Json>,
  value: string | number,
  row?: string,
): boolean {
  const saved = data[question.name];
  switch (question.kind) {
    case "checkbox":
      return Array.isArray(saved) && saved.some((item) => String(item) === String(value));
    case "matrix":
      return isObject(saved) && row !== undefined && String(saved[row]) === String(value);
    case "tick-grid": {
      const cells = isObject(saved) && row !== undefined ? saved[row] : undefined;
      return isObject(cells) && cells[String(value)] === true;
    }
    case "comment":
      return false;
  }
}

/** A comment's saved text. */
export function savedText(question: NativeCommentQuestion, data: Readonly<Json>): string {
  const saved = data[question.name];
  return typeof saved === "string" ? saved : "";
}

/** What a form holds: every value of a name (FormData and URLSearchParams are both this). */
export interface FormValues {
  getAll(name: string): unknown[];
}

/**
 * A question's value in SurveyJS's shape, read from the native form, or undefined when it
 * is unanswered. A tick grid is always a whole grid (an unticked box is `false`), as
 * SurveyJS fills it once its rows are built.
 */
export function readQuestion(question: NativeQuestion, form: FormValues): unknown {
  const strings = (name: string) =>
    form.getAll(name).filter((value): value is string => typeof value === "string");
  switch (question.kind) {
    case "checkbox": {
      const ticked = new Set(strings(question.name));
      if (question.none !== undefined && ticked.has(NONE_VALUE)) return [NONE_VALUE];
      const values = question.choices
        .filter((choice) => ticked.has(String(choice.value)))
        .map((choice) => choice.value);
      return values.length > 0 ? values : undefined;
    }
    case "matrix": {
      const value: Record<string, string | number> = {};
      for (const row of question.rows) {
        const chosen = strings(inputName(question.name, row.value))[0];
        const column = question.columns.find((c) => String(c.value) === chosen);
        if (column) value[row.value] = column.value;
      }
      return Object.keys(value).length > 0 ? value : undefined;
    }
    case "tick-grid": {
      const value: Record<string, Record<string, boolean>> = {};
      for (const row of question.rows) {
        value[row.value] = {};
        for (const column of question.columns) {
          value[row.value][column.value] =
            strings(inputName(question.name, row.value, column.value)).length > 0;
        }
      }
      return value;
    }
    case "comment": {
      const value = strings(question.name)[0] ?? "";
      return value === "" ? undefined : value;
    }
  }
}

/** Every question of the page in SurveyJS's shape (an unanswered one is undefined). */
export function readPage(page: NativePage, form: FormValues): Record<string, unknown> {
  return Object.fromEntries(page.questions.map((q) => [q.name, readQuestion(q, form)]));
}

/**
 * A question's SurveyJS value as the answers endpoint stores it (the same conversion as
 * `surveyDataToAnswers`): "none of these" is `[]`; undefined clears the answer (null).
 */
export function toAnswer(question: NativeQuestion, value: unknown): unknown {
  if (value === undefined) return null;
  if (question.kind === "checkbox" && Array.isArray(value) && value[0] === NONE_VALUE) return [];
  return value;
}

/** Whether two SurveyJS values are the same answer (object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameValue(item, b[i]))
    );
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
    );
  }
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}

/**
 * The answers the form holds that differ from `saved` (SurveyJS's data as the server sent
 * it), as the endpoint stores them: what was changed before the page's scripts ran.
 */
export function unsavedAnswers(
  page: NativePage,
  form: FormValues,
  saved: Readonly<Json>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const question of page.questions) {
    const value = readQuestion(question, form);
    // A tick grid nobody has touched is no change (SurveyJS fills it when it shows it).
    const untouched = question.kind === "tick-grid" && saved[question.name] === undefined;
    if (untouched && !JSON.stringify(value).includes("true")) continue;
    if (!sameValue(value, saved[question.name])) changed[question.name] = toAnswer(question, value);
  }
  return changed;
}

/**
 * SurveyJS's data with the native form's answers in it: what SurveyJS starts from when it
 * takes the page over (an answer cleared in the form is removed).
 */
export function mergeIntoSurveyData(
  page: NativePage,
  form: FormValues,
  data: Readonly<Json>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...data };
  for (const [name, value] of Object.entries(readPage(page, form))) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}
