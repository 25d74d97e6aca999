/**
 * The answer contract (docs/definition-format.md, "Scoring rules"): what may be stored for
 * each question of a definition, and the conversion at the SurveyJS boundary. Pure.
 */
import {
  formatPath,
  MAX_TEXT_ANSWER_LENGTH,
  questionIndex,
  type Problem,
  type QuestionSpec,
  type Result,
  type SurveyDefinition,
} from "./definitions";

/** share-selected: the selected item numbers; `[]` is "none of these". */
export type ShareSelectedAnswer = number[];
/** boolean-grid: row → column → ticked; a missing row or column is false. */
export type BooleanGridAnswer = Record<string, Record<string, boolean>>;
/** rating-grid: row → integer in min..max. */
export type RatingGridAnswer = Record<string, number>;
/** value-grid: row → one of the rule's value keys. */
export type ValueGridAnswer = Record<string, string>;
export type AnswerValue =
  ShareSelectedAnswer | BooleanGridAnswer | RatingGridAnswer | ValueGridAnswer | string;
/** Stored answers: question name → answer. */
export type Answers = Record<string, AnswerValue>;

/** The value SurveyJS gives a checkbox when its "none of these" item is chosen. */
const SURVEYJS_NONE = "none";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates answers against a definition and lists every problem. With `complete: false`
 * (autosave) any subset of questions and grid rows may be present; with `complete: true`
 * (submission) every scored question and every row of a rating or value grid must be.
 */
export function validateAnswers(
  definition: SurveyDefinition,
  input: unknown,
  options: { complete: boolean },
): Result<Answers> {
  if (!isObject(input)) {
    return { ok: false, problems: [{ path: "(root)", message: "must be an object of answers" }] };
  }
  const { byName, scored } = questionIndex(definition);
  const problems: Problem[] = [];
  for (const name of Object.keys(input)) {
    const spec = byName.get(name);
    if (spec) checkAnswer(spec, input[name], options.complete, problems);
    else problems.push({ path: formatPath([name]), message: "no such question" });
  }
  if (options.complete) {
    for (const spec of scored) {
      if (!Object.hasOwn(input, spec.name)) {
        problems.push({ path: formatPath([spec.name]), message: "not answered" });
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: input as Answers };
}

/** Records a problem in answer `name` at `path` below it. */
function report(
  problems: Problem[],
  name: string,
  path: (string | number)[],
  message: string,
): void {
  problems.push({ path: formatPath([name, ...path]), message });
}

// Written as plain loops without closures: it runs on every autosave and every scoring.
function checkAnswer(
  spec: QuestionSpec,
  value: unknown,
  complete: boolean,
  problems: Problem[],
): void {
  const name = spec.name;
  switch (spec.kind) {
    case "text":
      if (typeof value !== "string") report(problems, name, [], "must be text");
      else if (value.length > MAX_TEXT_ANSWER_LENGTH) {
        report(problems, name, [], `must be at most ${MAX_TEXT_ANSWER_LENGTH} characters`);
      }
      return;

    case "share-selected": {
      if (!Array.isArray(value)) {
        report(
          problems,
          name,
          [],
          `must be a list of item numbers (1–${spec.items}); [] is "none"`,
        );
        return;
      }
      let exclusive: number | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== "number" || !Number.isInteger(item) || item < 1 || item > spec.items) {
          report(problems, name, [i], `${JSON.stringify(item)} is not an item (1–${spec.items})`);
        } else if (value.indexOf(item) !== i) {
          report(problems, name, [i], `item ${item} is selected twice`);
        } else if (spec.exclusive.has(item)) {
          exclusive = item;
        }
      }
      if (exclusive !== undefined && value.length > 1) {
        report(problems, name, [], `item ${exclusive} excludes every other item`);
      }
      return;
    }

    case "boolean-grid": {
      if (!isObject(value)) break;
      for (const row of Object.keys(value)) {
        const cells = value[row];
        if (!spec.rowSet.has(row)) report(problems, name, [row], "no such row");
        else if (!isObject(cells)) {
          report(problems, name, [row], "must be an object of column → true/false");
        } else {
          for (const column of Object.keys(cells)) {
            if (!spec.columns.has(column)) report(problems, name, [row, column], "no such column");
            else if (typeof cells[column] !== "boolean") {
              report(problems, name, [row, column], "must be true or false");
            }
          }
        }
      }
      return;
    }

    case "rating-grid": {
      if (!isObject(value)) break;
      for (const row of Object.keys(value)) {
        const rating = value[row];
        if (!spec.rowSet.has(row)) report(problems, name, [row], "no such row");
        else if (
          typeof rating !== "number" ||
          !Number.isInteger(rating) ||
          rating < spec.min ||
          rating > spec.max
        ) {
          report(problems, name, [row], `must be a whole number from ${spec.min} to ${spec.max}`);
        }
      }
      if (complete) requireEveryRow(problems, name, spec.rows, value);
      return;
    }

    case "value-grid": {
      if (!isObject(value)) break;
      for (const row of Object.keys(value)) {
        const choice = value[row];
        if (!spec.rowSet.has(row)) report(problems, name, [row], "no such row");
        else if (typeof choice !== "string" || !spec.values.has(choice)) {
          report(problems, name, [row], `must be one of ${[...spec.values.keys()].join(", ")}`);
        }
      }
      if (complete) requireEveryRow(problems, name, spec.rows, value);
      return;
    }
  }
  report(problems, name, [], "must be an object of row → answer");
}

function requireEveryRow(
  problems: Problem[],
  name: string,
  rows: readonly string[],
  value: Record<string, unknown>,
): void {
  for (const row of rows) {
    if (!Object.hasOwn(value, row)) report(problems, name, [row], "not answered");
  }
}

/**
 * Converts SurveyJS's `survey.data` to the stored shape, without validating it (validate the
 * result with `validateAnswers`). A checkbox's `["none"]` becomes `[]`; empty (undefined or
 * null) values and boolean-grid cells are dropped. Anything else passes through unchanged, so
 * that validation rejects it rather than this function guessing.
 */
export function surveyDataToAnswers(
  definition: SurveyDefinition,
  data: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const { byName } = questionIndex(definition);
  const answers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (value === undefined || value === null) continue;
    const kind = byName.get(name)?.kind;
    if (kind === "share-selected" && isNoneOnly(value)) answers[name] = [];
    else if (kind === "boolean-grid" && isObject(value)) answers[name] = withoutEmptyCells(value);
    else answers[name] = value;
  }
  return answers;
}

function isNoneOnly(value: unknown): boolean {
  return Array.isArray(value) && value.length === 1 && value[0] === SURVEYJS_NONE;
}

/** SurveyJS leaves `undefined` in cells never touched and `{}` for such rows. */
function withoutEmptyCells(grid: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [row, cells] of Object.entries(grid)) {
    if (!isObject(cells)) {
      if (cells !== undefined && cells !== null) out[row] = cells;
      continue;
    }
    const kept = Object.entries(cells).filter(([, cell]) => cell !== undefined && cell !== null);
    if (kept.length > 0) out[row] = Object.fromEntries(kept);
  }
  return out;
}

/** Converts stored answers to SurveyJS's `survey.data`: `[]` becomes `["none"]`. */
export function answersToSurveyData(
  definition: SurveyDefinition,
  answers: Readonly<Answers>,
): Record<string, unknown> {
  const { byName } = questionIndex(definition);
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answers)) {
    const empty = Array.isArray(value) && value.length === 0;
    data[name] = empty && byName.get(name)?.kind === "share-selected" ? [SURVEYJS_NONE] : value;
  }
  return data;
}
