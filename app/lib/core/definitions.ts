/**
 * Survey definitions (docs/definition-format.md): the zod schemas of the envelope and its
 * scoring rules, the cross-checks that tie the scoring block to the SurveyJS questions, and
 * the compiled question index that `answers.ts` and `scoring.ts` share. Pure: no I/O.
 */
import { z } from "zod";

/** One problem in a file or a payload: a JSON path inside it and what is wrong there. */
export interface Problem {
  path: string;
  message: string;
}

/** Success with a value, or every problem found. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

type PathSegment = string | number;
type JsonObject = Record<string, unknown>;
type Add = (path: PathSegment[], message: string) => void;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a path the way people read JSON: `scoring.questions.q7.rule.exclusive[0]`,
 * `q4["3"]` (keys that are not identifiers are quoted). The empty path is `(root)`.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === "" ? "(root)" : out;
}

// ---------------------------------------------------------------------------------------
// Envelope schemas

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export const DefinitionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and -)");
export const VersionSchema = z.string().regex(SEMVER, "must be a version such as 1.0.0");
const KeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, "must start with a-z and use only a-z, 0-9, _ and -");
const TextSchema = z.string().trim().min(1, "must not be empty");

/** Text in both languages of the app (outside the SurveyJS JSON, which uses `default`). */
export const LocalisedTextSchema = z.object({ en: TextSchema, sv: TextSchema }).strict();

export const DimensionSchema = z
  .object({ id: KeySchema, name: LocalisedTextSchema, description: LocalisedTextSchema })
  .strict();

export const BandSchema = z
  .object({
    id: KeySchema,
    min: z.number().min(0).max(100),
    max: z.number().min(0).max(100),
    name: LocalisedTextSchema,
    feedback: LocalisedTextSchema,
    dimensionFeedback: z.record(z.string(), LocalisedTextSchema),
  })
  .strict();

export const ShareSelectedRuleSchema = z
  .object({
    type: z.literal("share-selected"),
    exclusive: z.array(z.number().int().positive()).default([]),
  })
  .strict();

export const BooleanGridRuleSchema = z
  .object({
    type: z.literal("boolean-grid"),
    columns: z.record(z.string(), z.number().min(0).max(1)),
  })
  .strict();

export const RatingGridRuleSchema = z
  .object({ type: z.literal("rating-grid"), min: z.number().int(), max: z.number().int() })
  .strict();

export const ValueGridRuleSchema = z
  .object({
    type: z.literal("value-grid"),
    values: z.record(z.string(), z.number().min(0).max(1)),
  })
  .strict();

export const ScoringRuleSchema = z.discriminatedUnion("type", [
  ShareSelectedRuleSchema,
  BooleanGridRuleSchema,
  RatingGridRuleSchema,
  ValueGridRuleSchema,
]);

export const ScoredQuestionSchema = z
  .object({
    dimension: z.string(),
    weight: z.number().positive().default(1),
    rule: ScoringRuleSchema,
  })
  .strict();

export const SurveyDefinitionSchema = z
  .object({
    id: DefinitionIdSchema,
    version: VersionSchema,
    status: z.enum(["draft", "published"]),
    title: LocalisedTextSchema,
    description: LocalisedTextSchema,
    audience: LocalisedTextSchema,
    estimatedMinutes: z.number().int().positive(),
    dimensions: z.array(DimensionSchema).min(1),
    bands: z.array(BandSchema).min(1),
    survey: z.record(z.string(), z.unknown()),
    scoring: z.object({ questions: z.record(z.string(), ScoredQuestionSchema) }).strict(),
  })
  .strict();

export type LocalisedText = z.infer<typeof LocalisedTextSchema>;
export type Dimension = z.infer<typeof DimensionSchema>;
export type Band = z.infer<typeof BandSchema>;
export type ScoringRule = z.infer<typeof ScoringRuleSchema>;
export type ScoredQuestion = z.infer<typeof ScoredQuestionSchema>;
/** A definition that passed `parseDefinition`; never build one by hand. */
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

// ---------------------------------------------------------------------------------------
// Versions

/** The major version of a semver string (`"1.4.2"` → 1). */
export function majorOf(version: string): number {
  return Number(version.split(".")[0]);
}

/** Orders two `major.minor.patch` versions numerically: negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return 0;
}

// ---------------------------------------------------------------------------------------
// The SurveyJS JSON

/**
 * SurveyJS properties that hold text a respondent can see (from survey-core's serializer,
 * `isLocalizable`). Each must be `{ "default": "<English>", "sv": "<Swedish>" }`.
 */
const LOCALISABLE_KEYS = new Set([
  "title",
  "description",
  "text",
  "html",
  "placeholder",
  "label",
  "labelTrue",
  "labelFalse",
  "noneText",
  "otherText",
  "otherPlaceholder",
  "otherErrorText",
  "selectAllText",
  "dontKnowText",
  "refuseText",
  "commentText",
  "commentPlaceholder",
  "requiredErrorText",
  "minRateDescription",
  "maxRateDescription",
  "completedHtml",
  "completedBeforeHtml",
  "loadingHtml",
  "navigationTitle",
  "navigationDescription",
  "pageNextText",
  "pagePrevText",
  "completeText",
  "startSurveyText",
  "previewText",
  "editText",
  "cellHint",
  "totalText",
  "addRowText",
  "removeRowText",
  "noRowsText",
]);

/** Element types that hold no answer. */
const LAYOUT_TYPES = new Set(["panel", "html", "image"]);

/** Unscored questions must have one of these types: their answer is a string. */
const TEXT_QUESTION_TYPES = new Set(["comment", "text"]);
const TEXT_INPUT_TYPES = new Set(["text", "email", "tel", "url"]);

/** The longest string an unscored text or comment answer may hold. */
export const MAX_TEXT_ANSWER_LENGTH = 5000;

interface SurveyQuestion {
  name: string;
  type: string;
  json: JsonObject;
  path: PathSegment[];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arrayAt(json: JsonObject, key: string): unknown[] {
  const value = json[key];
  return Array.isArray(value) ? value : [];
}

/** The questions of a survey in document order (pages, then panels, depth first). */
function collectQuestions(survey: JsonObject, add: Add): SurveyQuestion[] {
  const questions: SurveyQuestion[] = [];
  const visit = (elements: unknown[], path: PathSegment[]) => {
    elements.forEach((element, i) => {
      const at = [...path, i];
      if (!isObject(element) || typeof element.type !== "string") {
        add(at, "an element needs a type");
        return;
      }
      if (element.type === "panel") visit(arrayAt(element, "elements"), [...at, "elements"]);
      if (LAYOUT_TYPES.has(element.type)) return;
      if (typeof element.name !== "string" || element.name === "") {
        add([...at, "name"], "a question needs a name");
        return;
      }
      questions.push({ name: element.name, type: element.type, json: element, path: at });
    });
  };
  arrayAt(survey, "pages").forEach((page, i) => {
    if (isObject(page)) visit(arrayAt(page, "elements"), ["survey", "pages", i, "elements"]);
  });
  visit(arrayAt(survey, "elements"), ["survey", "elements"]);
  return questions;
}

/** Every visible string of the survey exists in English (`default`) and Swedish (`sv`). */
function checkSurveyTexts(survey: JsonObject, add: Add): void {
  const checkLocalised = (value: unknown, path: PathSegment[]) => {
    if (!isObject(value)) {
      add(path, 'must be { "default": "<English>", "sv": "<Swedish>" }');
      return;
    }
    for (const [locale, language] of [
      ["default", "English"],
      ["sv", "Swedish"],
    ] as const) {
      const text = value[locale];
      if (typeof text !== "string" || text.trim() === "") {
        add([...path, locale], `missing ${language} text`);
      }
    }
  };
  const visit = (value: unknown, path: PathSegment[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (LOCALISABLE_KEYS.has(key)) checkLocalised(child, [...path, key]);
      else visit(child, [...path, key]);
    }
  };
  visit(survey, ["survey"]);
}

/** A question shows no raw names or values: it has a title, and its items have texts. */
function checkQuestionTexts({ json, path }: SurveyQuestion, add: Add): void {
  if (json.title === undefined && json.titleLocation !== "hidden") {
    add([...path, "title"], "missing title");
  }
  if (json.showNoneItem === true && json.noneText === undefined) {
    add([...path, "noneText"], "missing noneText");
  }
  if ((json.showOtherItem === true || json.hasOther === true) && json.otherText === undefined) {
    add([...path, "otherText"], "missing otherText");
  }
  const checkItems = (key: string, textKey: "text" | "title") => {
    arrayAt(json, key).forEach((item, i) => {
      if (!isObject(item)) add([...path, key, i], `needs a ${textKey} in English and Swedish`);
      else if (item[textKey] === undefined) add([...path, key, i, textKey], `missing ${textKey}`);
    });
  };
  checkItems("choices", "text");
  checkItems("rows", "text");
  // A matrix's columns are items; a matrixdropdown's are columns with a title.
  checkItems("columns", json.type === "matrix" ? "text" : "title");
}

function itemValues(question: SurveyQuestion, key: "choices" | "rows" | "columns"): unknown[] {
  return arrayAt(question.json, key).map((item) => (isObject(item) ? item.value : item));
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const set = new Set(a);
  return a.length === b.length && set.size === b.length && b.every((x) => set.has(x));
}

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

// ---------------------------------------------------------------------------------------
// Cross-checks

/** Checks that need more than one part of the envelope; the shape is already valid. */
function crossCheck(
  definition: SurveyDefinition,
  expected: { id?: string; version?: string },
): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string) =>
    problems.push({ path: formatPath(path), message });

  if (expected.id !== undefined && definition.id !== expected.id) {
    add(["id"], `"${definition.id}" does not match the folder name "${expected.id}"`);
  }
  if (expected.version !== undefined && definition.version !== expected.version) {
    add(
      ["version"],
      `"${definition.version}" does not match the file name "${expected.version}.json"`,
    );
  }

  const dimensionIds = definition.dimensions.map((d) => d.id);
  definition.dimensions.forEach((dimension, i) => {
    if (dimensionIds.indexOf(dimension.id) !== i) {
      add(["dimensions", i, "id"], `duplicate dimension "${dimension.id}"`);
    }
  });

  checkBands(definition, dimensionIds, add);
  checkSurveyTexts(definition.survey, add);

  const questions = collectQuestions(definition.survey, add);
  const byName = new Map<string, SurveyQuestion>();
  for (const question of questions) {
    checkQuestionTexts(question, add);
    const first = byName.get(question.name);
    if (first) {
      add(
        [...question.path, "name"],
        `duplicate question name "${question.name}" (also at ${formatPath(first.path)})`,
      );
    } else {
      byName.set(question.name, question);
    }
  }

  for (const [name, scored] of Object.entries(definition.scoring.questions)) {
    const at: PathSegment[] = ["scoring", "questions", name];
    const question = byName.get(name);
    if (!question) {
      add(at, `no question named "${name}" in the survey`);
      continue;
    }
    if (!dimensionIds.includes(scored.dimension)) {
      add(
        [...at, "dimension"],
        `"${scored.dimension}" is not a declared dimension (${list(dimensionIds)})`,
      );
    }
    if (question.json.isRequired !== true) {
      add([...question.path, "isRequired"], "a scored question must be required");
    }
    checkRule(question, scored.rule, [...at, "rule"], add);
  }

  for (const question of questions) {
    if (Object.hasOwn(definition.scoring.questions, question.name)) continue;
    if (!TEXT_QUESTION_TYPES.has(question.type)) {
      add(
        [...question.path, "type"],
        `unscored question "${question.name}" must be a comment or text question, not ${question.type}`,
      );
      continue;
    }
    const { inputType, maxLength } = question.json;
    if (inputType !== undefined && !TEXT_INPUT_TYPES.has(String(inputType))) {
      add([...question.path, "inputType"], `inputType "${String(inputType)}" is not text`);
    }
    if (typeof maxLength === "number" && maxLength > MAX_TEXT_ANSWER_LENGTH) {
      add([...question.path, "maxLength"], `must be at most ${MAX_TEXT_ANSWER_LENGTH}`);
    }
  }

  const scoredDimensions = new Set(
    Object.values(definition.scoring.questions).map((q) => q.dimension),
  );
  definition.dimensions.forEach((dimension, i) => {
    if (!scoredDimensions.has(dimension.id)) {
      add(["dimensions", i], `dimension "${dimension.id}" has no scored question`);
    }
  });
  return problems;
}

function checkBands(definition: SurveyDefinition, dimensionIds: string[], add: Add): void {
  const { bands } = definition;
  if (bands[0].min !== 0) add(["bands", 0, "min"], "the first band must start at 0");
  bands.forEach((band, i) => {
    if (bands.findIndex((b) => b.id === band.id) !== i) {
      add(["bands", i, "id"], `duplicate band "${band.id}"`);
    }
    if (band.max <= band.min) add(["bands", i, "max"], "must be greater than min");
    const previous = bands[i - 1];
    if (previous && band.min > previous.max) {
      add(["bands", i, "min"], `leaves a gap: ${previous.max}–${band.min} is in no band`);
    }
    if (previous && band.min < previous.max) {
      add(["bands", i, "min"], `overlaps "${previous.id}", which ends at ${previous.max}`);
    }
    for (const id of dimensionIds) {
      if (!Object.hasOwn(band.dimensionFeedback, id)) {
        add(["bands", i, "dimensionFeedback", id], `missing feedback for dimension "${id}"`);
      }
    }
    for (const id of Object.keys(band.dimensionFeedback)) {
      if (!dimensionIds.includes(id)) {
        add(["bands", i, "dimensionFeedback", id], `"${id}" is not a declared dimension`);
      }
    }
  });
  const last = bands.length - 1;
  if (bands[last].max !== 100) add(["bands", last, "max"], "the last band must end at 100");
}

const QUESTION_TYPE_OF_RULE = {
  "share-selected": "checkbox",
  "boolean-grid": "matrixdropdown",
  "rating-grid": "matrix",
  "value-grid": "matrix",
} as const;

/** The rule fits its question: type, items, rows and columns. */
function checkRule(question: SurveyQuestion, rule: ScoringRule, at: PathSegment[], add: Add) {
  const needed = QUESTION_TYPE_OF_RULE[rule.type];
  if (question.type !== needed) {
    add(
      [...at, "type"],
      `${rule.type} needs a ${needed} question; "${question.name}" is a ${question.type}`,
    );
    return;
  }
  if (rule.type === "share-selected") {
    checkShareSelected(question, rule, at, add);
    return;
  }
  // Grid rows are "1".."n" so that stored answers are keyed by item number.
  const rows = itemValues(question, "rows");
  if (rows.length === 0) add([...question.path, "rows"], "a scored grid needs rows");
  rows.forEach((value, i) => {
    if (value !== String(i + 1)) {
      add([...question.path, "rows", i, "value"], `must be "${i + 1}" (rows are "1".."n")`);
    }
  });
  if (rule.type === "boolean-grid") checkBooleanGrid(question, rule, at, add);
  else checkMatrix(question, rule, at, add);
}

function checkShareSelected(
  question: SurveyQuestion,
  rule: z.infer<typeof ShareSelectedRuleSchema>,
  at: PathSegment[],
  add: Add,
) {
  const { json, path } = question;
  // Choices are numbered 1..n so that stored answers are plain item numbers.
  const values = itemValues(question, "choices");
  const n = values.length;
  if (n === 0) add([...path, "choices"], "a scored checkbox needs choices");
  values.forEach((value, i) => {
    if (value !== i + 1) add([...path, "choices", i, "value"], `must be ${i + 1} (items are 1..n)`);
  });
  rule.exclusive.forEach((item, i) => {
    if (item > n) {
      add(
        [...at, "exclusive", i],
        `item ${item} does not exist: "${question.name}" has ${n} items`,
      );
    } else if (rule.exclusive.indexOf(item) !== i) {
      add([...at, "exclusive", i], `item ${item} is listed twice`);
    }
  });
  if (n > 0 && new Set(rule.exclusive).size >= n) {
    add([...at, "exclusive"], "at least one item must not be exclusive");
  }
  // SurveyJS enforces exclusivity in the form; the rule scores it: they must agree.
  const marked = arrayAt(json, "choices").flatMap((choice, i) =>
    isObject(choice) && choice.isExclusive === true ? [i + 1] : [],
  );
  if (!sameSet([...new Set(rule.exclusive)], marked)) {
    add(
      [...at, "exclusive"],
      `must list exactly the choices marked isExclusive in the survey (${list(marked) || "none"})`,
    );
  }
  if (json.showNoneItem !== true) {
    add([...path, "showNoneItem"], 'must be true: [] stores "none of these"');
  }
  for (const key of ["showOtherItem", "hasOther", "showDontKnowItem", "showRefuseItem"]) {
    if (json[key] === true) add([...path, key], "a scored checkbox has only numbered items");
  }
}

function checkBooleanGrid(
  { json, path, name }: SurveyQuestion,
  rule: z.infer<typeof BooleanGridRuleSchema>,
  at: PathSegment[],
  add: Add,
) {
  const columns = arrayAt(json, "columns");
  const names = columns.map((column) => (isObject(column) ? column.name : undefined));
  columns.forEach((column, i) => {
    const cellType = isObject(column) ? (column.cellType ?? json.cellType) : undefined;
    if (cellType !== "boolean") {
      add([...path, "columns", i, "cellType"], "boolean-grid cells must be boolean");
    }
    const columnName = names[i];
    if (typeof columnName === "string" && !Object.hasOwn(rule.columns, columnName)) {
      add(
        [...path, "columns", i, "name"],
        `column "${columnName}" has no weight in the scoring rule`,
      );
    }
  });
  for (const column of Object.keys(rule.columns)) {
    if (!names.includes(column)) {
      add(
        [...at, "columns", column],
        `no column "${column}" in "${name}" (columns: ${list(names)})`,
      );
    }
  }
  const sum = Object.values(rule.columns).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) {
    add([...at, "columns"], `the weights sum to ${sum}; they must sum to 1 (a full row scores 1)`);
  }
}

function checkMatrix(
  question: SurveyQuestion,
  rule: z.infer<typeof RatingGridRuleSchema> | z.infer<typeof ValueGridRuleSchema>,
  at: PathSegment[],
  add: Add,
) {
  const { json, path, name } = question;
  if (json.eachRowRequired !== true) {
    add([...path, "eachRowRequired"], "a scored matrix must require every row");
  }
  const columns = itemValues(question, "columns");
  if (rule.type === "rating-grid") {
    if (rule.max <= rule.min) {
      add([...at, "max"], "must be greater than min");
      return;
    }
    const expected = Array.from({ length: rule.max - rule.min + 1 }, (_, i) => rule.min + i);
    if (columns.length !== expected.length || columns.some((v, i) => v !== expected[i])) {
      add(
        at,
        `the column values of "${name}" (${list(columns)}) must be the integers ` +
          `${rule.min}..${rule.max} in order`,
      );
    }
    return;
  }
  const keys = Object.keys(rule.values);
  if (!sameSet(keys, columns)) {
    add(
      [...at, "values"],
      `the keys (${list(keys)}) must equal the column values of "${name}" (${list(columns)})`,
    );
  }
  const scores = Object.values(rule.values);
  if (scores.length > 0 && (Math.min(...scores) !== 0 || Math.max(...scores) !== 1)) {
    add([...at, "values"], "the lowest value must be 0 and the highest 1");
  }
}

/** A zod error's issues as problems, each with its path written as `formatPath` writes it. */
export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Validates a definition file's parsed JSON: first its shape (zod), then the cross-checks
 * between the scoring block, the dimensions, the bands and the SurveyJS questions. `expected`
 * is what the file's location says (`<id>/<version>.json`).
 */
export function parseDefinition(
  json: unknown,
  expected: { id?: string; version?: string } = {},
): Result<SurveyDefinition> {
  const parsed = SurveyDefinitionSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = crossCheck(parsed.data, expected);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

// ---------------------------------------------------------------------------------------
// The compiled question index

interface SpecBase {
  name: string;
}
interface ScoredSpecBase extends SpecBase {
  /** Index into `definition.dimensions`. */
  dimension: number;
  weight: number;
}
export interface ShareSelectedSpec extends ScoredSpecBase {
  kind: "share-selected";
  /** Items are 1..items. */
  items: number;
  exclusive: ReadonlySet<number>;
}
export interface BooleanGridSpec extends ScoredSpecBase {
  kind: "boolean-grid";
  rows: readonly string[];
  rowSet: ReadonlySet<string>;
  columns: ReadonlyMap<string, number>;
}
export interface RatingGridSpec extends ScoredSpecBase {
  kind: "rating-grid";
  rows: readonly string[];
  rowSet: ReadonlySet<string>;
  min: number;
  max: number;
}
export interface ValueGridSpec extends ScoredSpecBase {
  kind: "value-grid";
  rows: readonly string[];
  rowSet: ReadonlySet<string>;
  values: ReadonlyMap<string, number>;
}
export interface TextSpec extends SpecBase {
  kind: "text";
}
export type ScoredQuestionSpec =
  ShareSelectedSpec | BooleanGridSpec | RatingGridSpec | ValueGridSpec;
export type QuestionSpec = ScoredQuestionSpec | TextSpec;

/** What `answers.ts` and `scoring.ts` need to know about each question, by name. */
export interface QuestionIndex {
  byName: ReadonlyMap<string, QuestionSpec>;
  scored: readonly ScoredQuestionSpec[];
}

const compiled = new WeakMap<SurveyDefinition, QuestionIndex>();

/**
 * The question index of a validated definition, built once per definition object (the
 * answer validator and the scorer run it on every request, so it must be cheap).
 */
export function questionIndex(definition: SurveyDefinition): QuestionIndex {
  let index = compiled.get(definition);
  if (index) return index;
  const byName = new Map<string, QuestionSpec>();
  const scored: ScoredQuestionSpec[] = [];
  const dimensionIds = definition.dimensions.map((d) => d.id);
  for (const question of collectQuestions(definition.survey, () => undefined)) {
    const entry = Object.hasOwn(definition.scoring.questions, question.name)
      ? definition.scoring.questions[question.name]
      : undefined;
    if (!entry) {
      byName.set(question.name, { kind: "text", name: question.name });
      continue;
    }
    const spec = compileSpec(question, entry, dimensionIds.indexOf(entry.dimension));
    byName.set(question.name, spec);
    scored.push(spec);
  }
  index = { byName, scored };
  compiled.set(definition, index);
  return index;
}

function compileSpec(
  question: SurveyQuestion,
  { rule, weight }: ScoredQuestion,
  dimension: number,
): ScoredQuestionSpec {
  const base = { name: question.name, dimension, weight };
  if (rule.type === "share-selected") {
    const items = arrayAt(question.json, "choices").length;
    return { ...base, kind: rule.type, items, exclusive: new Set(rule.exclusive) };
  }
  const rows = itemValues(question, "rows").map(String);
  const grid = { ...base, rows, rowSet: new Set(rows) };
  switch (rule.type) {
    case "boolean-grid":
      return { ...grid, kind: rule.type, columns: new Map(Object.entries(rule.columns)) };
    case "rating-grid":
      return { ...grid, kind: rule.type, min: rule.min, max: rule.max };
    case "value-grid":
      return { ...grid, kind: rule.type, values: new Map(Object.entries(rule.values)) };
  }
}

/** A question of a validated definition by name: its SurveyJS type and JSON (read-only). */
export function findQuestion(
  definition: SurveyDefinition,
  name: string,
): { type: string; json: Readonly<Record<string, unknown>> } | undefined {
  const question = collectQuestions(definition.survey, () => undefined).find(
    (q) => q.name === name,
  );
  return question && { type: question.type, json: question.json };
}
