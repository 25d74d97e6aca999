/**
 * The hub lead's exports (pure): which exports exist, their columns, and the stable answer
 * columns of a definition. The headers of the Commission platform's layout (its exact
 * English names, and Swedish ones) are in the locale files under `exports.commission`. The streaming and
 * the file formats live in app/lib/server/exports.server.ts; docs/dashboard.md describes
 * every column.
 */
import type { Answers } from "./answers";
import { questionIndex, type SurveyDefinition } from "./definitions";

export const EXPORT_KINDS = [
  "dma-results",
  "delivered-services",
  "answers",
  "answers-anonymous",
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns after the dimensions in the DMA results export, by id. */
export const DMA_RESULT_EXTRA_COLUMNS = [
  "overall",
  "band",
  "stage",
  "started",
  "submitted",
  "orgNumber",
  "questionnaireVersion",
] as const;

/**
 * The delivered-services export's columns, by id: the Commission platform's service
 * reporting layout (customer, customer type, category, technology, description, price,
 * attendees, start and end), then the hub's own (organisation number, the service's name,
 * the partner organisation that delivered it).
 */
export const DELIVERED_SERVICE_COLUMNS = [
  "customer",
  "customerType",
  "category",
  "technology",
  "description",
  "price",
  "attendees",
  "start",
  "end",
  "orgNumber",
  "service",
  "partner",
] as const;

/** One answer column: a question, and the item, row (and grid column) it holds. */
export interface AnswerColumn {
  /** Stable name: `question`, `question.item`, `question.row` or `question.row.column`. */
  key: string;
  question: string;
  /** Whether it holds free text (left out of the anonymised export). */
  text: boolean;
  read: (answers: Answers) => string | number | null;
}

const answerOf = (answers: Answers, name: string): unknown =>
  Object.hasOwn(answers, name) ? answers[name] : undefined;

const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * Every answer column of a definition, in the questionnaire's order, named from the
 * definition so the same version always exports the same columns: a choice question one
 * column per item (1 selected, 0 not), a grid one per row (or row and column for a tick
 * grid), free text one column. An unanswered question leaves its cells empty.
 */
export function answerColumns(definition: SurveyDefinition): AnswerColumn[] {
  const columns: AnswerColumn[] = [];
  for (const spec of questionIndex(definition).byName.values()) {
    const name = spec.name;
    switch (spec.kind) {
      case "share-selected":
        for (let item = 1; item <= spec.items; item++) {
          columns.push({
            key: `${name}.${item}`,
            question: name,
            text: false,
            read: (answers) => {
              const value = answerOf(answers, name);
              return Array.isArray(value) ? (value.includes(item) ? 1 : 0) : null;
            },
          });
        }
        break;
      case "boolean-grid":
        for (const row of spec.rows) {
          for (const column of spec.columns.keys()) {
            columns.push({
              key: `${name}.${row}.${column}`,
              question: name,
              text: false,
              read: (answers) => {
                const grid = record(answerOf(answers, name));
                if (!grid) return null;
                return record(grid[row])?.[column] === true ? 1 : 0;
              },
            });
          }
        }
        break;
      case "rating-grid":
      case "value-grid":
        for (const row of spec.rows) {
          columns.push({
            key: `${name}.${row}`,
            question: name,
            text: false,
            read: (answers) => {
              const value = record(answerOf(answers, name))?.[row];
              return typeof value === "number" || typeof value === "string" ? value : null;
            },
          });
        }
        break;
      case "text":
        columns.push({
          key: name,
          question: name,
          text: true,
          read: (answers) => {
            const value = answerOf(answers, name);
            return typeof value === "string" ? value : null;
          },
        });
        break;
    }
  }
  return columns;
}
