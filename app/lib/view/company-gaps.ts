import type { ItemRoom } from "../core/item-gaps";
import { findQuestion, type SurveyDefinition } from "../core/definitions";
import type { LanguageId } from "../core/vocabularies";
import { items as itemsOf, localise } from "./answer-summary";

/** An item (a checkbox question or a grid row) with room to improve, for the agenda. */
export interface ItemGap {
  /** `question` or `question/row`: unique within the assessment. */
  key: string;
  /** The row's text, or the question's title for a checkbox question. */
  label: string;
  /** The question's title when `label` is a row's text. */
  question?: string;
  /** Points of the dimension's score the item's maximum would add. */
  gap: number;
  /** The order key: gap × (1 + the priorities of the services with a rule about the item). */
  priority: number;
  services: string[];
}

/** A dimension's room to improve and the recommended services that answer it. */
export interface Gap {
  id: string;
  label: string;
  score: number;
  /** 100 − score: the room to improve, in points. */
  gap: number;
  /** The order key: gap × (1 + the matching services' weight / 100). */
  priority: number;
  services: { rank: number; name: string; reason: string }[];
  /** The dimension's items with room to improve, highest priority first. */
  items: ItemGap[];
}

/** An item's room in the viewer's language, with the names of its matching services. */
export interface LabelledItem {
  dimension: string;
  key: string;
  label: string;
  question?: string;
  room: number;
  services: { name: string; priority: number }[];
}

/**
 * Names the items of `itemRooms` from the exact definition version: a grid row by its text
 * (with the question's title), a checkbox question or a one-row grid by its title; services
 * by their name.
 */
export function labelItems(
  definition: SurveyDefinition,
  rooms: readonly ItemRoom[],
  serviceName: (id: string) => string,
  lang: LanguageId,
): LabelledItem[] {
  return rooms.map((item) => {
    const json = findQuestion(definition, item.question)?.json ?? {};
    const title = localise(json.title, lang) || item.question;
    // A grid of one row (a smart-industry topic) is one item: its title names it.
    const rows = itemsOf(json, "rows");
    const rowText =
      item.row === undefined || rows.length === 1
        ? undefined
        : localise(rows.find((r) => r.value === item.row)?.text, lang) || item.row;
    return {
      dimension: item.dimension,
      key: item.row === undefined ? item.question : `${item.question}/${item.row}`,
      label: rowText ?? title,
      ...(rowText === undefined ? {} : { question: title }),
      room: item.room,
      services: item.services.map((s) => ({ name: serviceName(s.id), priority: s.priority })),
    };
  });
}

/**
 * The adviser's agenda (pure): every dimension with room to improve, ordered by the gap
 * weighted by the services recommended for it (their stored weight is the engine's gap ×
 * priority), so a wide gap the hub can act on comes first; within each, its items ordered
 * the same way by their room × the catalogue priorities of the services with a rule about them.
 */
export function buildGaps(
  dimensions: readonly { id: string; label: string; score: number }[],
  recommendations: readonly {
    rank: number;
    name: string;
    reason: string;
    dimension: string;
    weight: number;
  }[],
  items: readonly LabelledItem[] = [],
): Gap[] {
  return dimensions
    .map((d) => {
      const matching = recommendations.filter((r) => r.dimension === d.id);
      const weight = matching.reduce((sum, r) => sum + r.weight, 0);
      const gap = Math.max(0, 100 - d.score);
      return {
        id: d.id,
        label: d.label,
        score: d.score,
        gap,
        priority: gap * (1 + weight / 100),
        services: matching.map((r) => ({ rank: r.rank, name: r.name, reason: r.reason })),
        items: items
          .filter((item) => item.dimension === d.id && item.room > 0)
          .map((item) => ({
            key: item.key,
            label: item.label,
            ...(item.question === undefined ? {} : { question: item.question }),
            gap: item.room,
            priority: item.room * (1 + item.services.reduce((sum, s) => sum + s.priority, 0)),
            services: item.services.map((s) => s.name),
          }))
          .sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key)),
      };
    })
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
}
