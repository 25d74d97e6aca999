/**
 * The items of an assessment with room to improve (pure): each scored question with a single
 * answer (a checkbox question) and each row of a grid question, with the points of its
 * dimension it leaves on the table, and the catalogue services whose rules name that item.
 * The adviser's agenda orders them by room × the weight of those services
 * (app/lib/view/company-gaps.ts).
 */
import type { Answers } from "./answers";
import { questionIndex, type ScoredQuestionSpec, type SurveyDefinition } from "./definitions";
import { isDimensionRule, type Service } from "./service-catalogue";

export interface ItemRoom {
  dimension: string;
  question: string;
  /** The grid row; absent for a checkbox question, which is one item. */
  row?: string;
  /** 0..1: how much of the item's maximum the answer reached. */
  score: number;
  /** Points of the dimension's 0–100 score the item's maximum would add. */
  room: number;
  /** The active services with a rule about this item, with the catalogue's priority (1–3). */
  services: { id: string; priority: number }[];
}

/** One grid row's score in 0..1 (every rule spans 0..1 per row, docs/definition-format.md). */
function rowScore(spec: Exclude<ScoredQuestionSpec, { kind: "share-selected" }>, value: unknown) {
  switch (spec.kind) {
    case "boolean-grid": {
      if (typeof value !== "object" || value === null) return 0;
      let sum = 0;
      for (const [column, ticked] of Object.entries(value)) {
        if (ticked === true) sum += spec.columns.get(column) ?? 0;
      }
      return sum;
    }
    case "rating-grid":
      return typeof value === "number" ? (value - spec.min) / (spec.max - spec.min) : 0;
    case "value-grid":
      return typeof value === "string" ? (spec.values.get(value) ?? 0) : 0;
  }
}

/** A checkbox question's score in 0..1, as the scorer counts it. */
function selectedScore(
  spec: Extract<ScoredQuestionSpec, { kind: "share-selected" }>,
  value: unknown,
) {
  if (!Array.isArray(value)) return 0;
  if (value.some((item) => spec.exclusive.has(Number(item)))) return 0;
  return value.length / (spec.items - spec.exclusive.size);
}

/**
 * Every item of a submitted assessment that is short of its maximum, with its room in points
 * of its dimension: (1 − score) × the question's share of the dimension's weight (divided
 * among a grid's rows) × 100. The rooms of a dimension's items add up to its gap.
 */
export function itemRooms(
  definitionId: string,
  definition: SurveyDefinition,
  answers: Answers,
  services: readonly Service[],
): ItemRoom[] {
  const { scored } = questionIndex(definition);
  const dimensionWeight = new Map<number, number>();
  for (const spec of scored) {
    dimensionWeight.set(spec.dimension, (dimensionWeight.get(spec.dimension) ?? 0) + spec.weight);
  }
  const servicesOf = (question: string, row?: string) =>
    services
      .filter((service) =>
        service.rules.some(
          (rule) =>
            rule.definition === definitionId &&
            !isDimensionRule(rule) &&
            rule.question === question &&
            (row === undefined || ("row" in rule && rule.row === row)),
        ),
      )
      .map((service) => ({ id: service.id, priority: service.priority }));

  const rooms: ItemRoom[] = [];
  for (const spec of scored) {
    const dimension = definition.dimensions[spec.dimension].id;
    const share = (spec.weight / (dimensionWeight.get(spec.dimension) ?? spec.weight)) * 100;
    const value = answers[spec.name];
    if (spec.kind === "share-selected") {
      const score = Math.min(1, selectedScore(spec, value));
      if (score < 1) {
        rooms.push({
          dimension,
          question: spec.name,
          score,
          room: (1 - score) * share,
          services: servicesOf(spec.name),
        });
      }
      continue;
    }
    const grid =
      typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
    for (const row of spec.rows) {
      const score = Math.min(1, Math.max(0, rowScore(spec, grid[row])));
      if (score < 1) {
        rooms.push({
          dimension,
          question: spec.name,
          row,
          score,
          room: ((1 - score) * share) / spec.rows.length,
          services: servicesOf(spec.name, row),
        });
      }
    }
  }
  return rooms;
}
