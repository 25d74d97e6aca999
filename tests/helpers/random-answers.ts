import type { Answers } from "../../app/lib/core/answers";
import { questionIndex, type SurveyDefinition } from "../../app/lib/core/definitions";

export { createRandom } from "../../app/lib/core/random";

/**
 * Random complete answers in the stored shape. Each response has its own "maturity" so that
 * scores spread over 0..100 instead of clustering at 50; a boolean-grid sometimes leaves rows
 * out or holds explicit false cells, as SurveyJS does.
 */
export function randomAnswers(definition: SurveyDefinition, random: () => number): Answers {
  const level = random();
  const pick = () => random() < level;
  const answers: Answers = {};
  for (const spec of questionIndex(definition).byName.values()) {
    switch (spec.kind) {
      case "share-selected": {
        if (spec.exclusive.size > 0 && random() < 0.1) {
          answers[spec.name] = [[...spec.exclusive][0]];
          break;
        }
        const items: number[] = [];
        for (let item = 1; item <= spec.items; item++) {
          if (!spec.exclusive.has(item) && pick()) items.push(item);
        }
        answers[spec.name] = items;
        break;
      }
      case "boolean-grid": {
        const grid: Record<string, Record<string, boolean>> = {};
        for (const row of spec.rows) {
          if (random() < 0.2) continue;
          const cells: Record<string, boolean> = {};
          for (const column of spec.columns.keys()) {
            const ticked = pick();
            if (ticked || random() < 0.5) cells[column] = ticked;
          }
          // SurveyJS never keeps an empty row, so neither does the stored shape.
          if (Object.keys(cells).length > 0) grid[row] = cells;
        }
        answers[spec.name] = grid;
        break;
      }
      case "rating-grid": {
        const grid: Record<string, number> = {};
        for (const row of spec.rows) {
          grid[row] = spec.min + Math.floor(random() * level * (spec.max - spec.min + 1));
        }
        answers[spec.name] = grid;
        break;
      }
      case "value-grid": {
        const keys = [...spec.values.keys()];
        const grid: Record<string, string> = {};
        for (const row of spec.rows) grid[row] = keys[Math.floor(random() * keys.length)];
        answers[spec.name] = grid;
        break;
      }
      case "text":
        if (random() < 0.5) answers[spec.name] = "Vi behöver koppla ihop affärssystemen.";
        break;
    }
  }
  return answers;
}

/**
 * The answers at one end of every question's scale: nothing ticked and the lowest ratings
 * (`min`), or everything ticked and the highest (`max`), as a prober would send them.
 */
export function extremeAnswers(definition: SurveyDefinition, end: "min" | "max"): Answers {
  const answers: Answers = {};
  const high = end === "max";
  for (const spec of questionIndex(definition).byName.values()) {
    switch (spec.kind) {
      case "share-selected":
        answers[spec.name] = high
          ? Array.from({ length: spec.items }, (_, i) => i + 1).filter(
              (item) => !spec.exclusive.has(item),
            )
          : [];
        break;
      case "boolean-grid":
        answers[spec.name] = high
          ? Object.fromEntries(
              spec.rows.map((row) => [
                row,
                Object.fromEntries([...spec.columns.keys()].map((c) => [c, true])),
              ]),
            )
          : {};
        break;
      case "rating-grid":
        answers[spec.name] = Object.fromEntries(
          spec.rows.map((row) => [row, high ? spec.max : spec.min]),
        );
        break;
      case "value-grid": {
        const [key] = [...spec.values].sort(([, a], [, b]) => (high ? b - a : a - b))[0];
        answers[spec.name] = Object.fromEntries(spec.rows.map((row) => [row, key]));
        break;
      }
      case "text":
        break;
    }
  }
  return answers;
}
