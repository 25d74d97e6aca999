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
