import type { Answers } from "../core/answers";
import type { LanguageId } from "../core/vocabularies";
import type { SurveyDefinition } from "../core/definitions";

/** One answered (or unanswered) question as text, for reading back. */
export interface AnswerLine {
  name: string;
  title: string;
  /** One line per selected item or grid row; empty when not answered. */
  lines: string[];
}

/** A page of the questionnaire (one dimension) with its questions' answers. */
export interface AnswerSection {
  title: string;
  questions: AnswerLine[];
}

type Json = Record<string, unknown>;

/** A SurveyJS localisable string in a language (English is SurveyJS's `default`). */
export function localise(value: unknown, lang: LanguageId): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const texts = value as Record<string, unknown>;
    const text = texts[lang === "sv" ? "sv" : "default"] ?? texts.default ?? texts.en;
    return typeof text === "string" ? text : "";
  }
  return "";
}

/** A question's choices, rows or columns: each item's value (as a string) and its text. */
export function items(
  question: Readonly<Json>,
  key: "choices" | "rows" | "columns",
): { value: string; text: unknown }[] {
  const list = Array.isArray(question[key]) ? (question[key] as unknown[]) : [];
  return list.map((item) => {
    if (item && typeof item === "object") {
      const raw = item as Json;
      const value = String(raw.value ?? raw.name ?? "");
      return { value, text: raw.text ?? raw.title ?? value };
    }
    return { value: String(item), text: String(item) };
  });
}

function questionsOf(elements: unknown): Json[] {
  if (!Array.isArray(elements)) return [];
  return elements.flatMap((element) => {
    const json = element as Json;
    return json.type === "panel" ? questionsOf(json.elements) : [json];
  });
}

/**
 * The answers read back per page (one page per dimension) in the respondent's language,
 * with the item, row and column texts of the exact definition version they answered.
 */
export function summariseAnswers(
  definition: SurveyDefinition,
  answers: Answers,
  lang: LanguageId,
  labels: { noneSelected: string; notAnswered: string },
): AnswerSection[] {
  const pages = (definition.survey as Json).pages;
  if (!Array.isArray(pages)) return [];
  return pages.map((page) => {
    const pageJson = page as Json;
    return {
      title: localise(pageJson.title, lang) || String(pageJson.name ?? ""),
      questions: questionsOf(pageJson.elements).map((question) => {
        const name = String(question.name);
        const value = answers[name];
        return {
          name,
          title: localise(question.title, lang) || name,
          lines: describe(question, value, lang, labels),
        };
      }),
    };
  });
}

function text(item: { text: unknown }, lang: LanguageId): string {
  return localise(item.text, lang);
}

function describe(
  question: Json,
  value: unknown,
  lang: LanguageId,
  labels: { noneSelected: string; notAnswered: string },
): string[] {
  if (value === undefined || value === null || value === "") return [labels.notAnswered];
  switch (question.type) {
    case "checkbox": {
      const selected = Array.isArray(value) ? value.map(String) : [];
      if (selected.length === 0) return [labels.noneSelected];
      return items(question, "choices")
        .filter((c) => selected.includes(c.value))
        .map((c) => text(c, lang));
    }
    case "matrixdropdown": {
      const grid = value as Record<string, Record<string, boolean>>;
      const columns = items(question, "columns");
      return items(question, "rows").flatMap((row) => {
        const ticked = columns
          .filter((c) => grid[row.value]?.[c.value] === true)
          .map((c) => text(c, lang));
        return ticked.length > 0 ? [`${text(row, lang)}: ${ticked.join(", ")}`] : [];
      });
    }
    case "matrix": {
      const grid = value as Record<string, unknown>;
      const columns = items(question, "columns");
      return items(question, "rows").map((row) => {
        const column = columns.find((c) => c.value === String(grid[row.value]));
        return `${text(row, lang)}: ${column ? text(column, lang) : labels.notAnswered}`;
      });
    }
    default:
      return [String(value)];
  }
}
