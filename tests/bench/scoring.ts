/**
 * `npm run bench:scoring`: complete DMA responses validated and scored per second on one core
 * (target ≥ 50,000). Exits 1 below the target, so CI can run it.
 */
import { scoreAnswers } from "../../app/lib/core/scoring";
import { loadDefinition } from "../helpers/definitions";
import { randomAnswers, createRandom } from "../helpers/random-answers";

const TARGET = 50_000;
const DURATION_MS = 2_000;

const definition = loadDefinition("dma-sme", "1.0.0");
const random = createRandom(42);
const responses = Array.from({ length: 1_000 }, () => randomAnswers(definition, random));

function run(ms: number): number {
  let scored = 0;
  let checksum = 0; // Used below, so the work cannot be optimised away.
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const answers of responses) {
      const result = scoreAnswers(definition, answers);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      checksum += result.value.overall;
    }
    scored += responses.length;
  }
  const perSecond = scored / ((performance.now() - start) / 1000);
  if (Number.isNaN(checksum)) throw new Error("unreachable");
  return perSecond;
}

run(300); // Warm up the JIT.
const perSecond = Math.round(run(DURATION_MS));
console.log(
  `scoring: ${perSecond.toLocaleString("en")} DMA responses/s (validated and scored, one core; target ${TARGET.toLocaleString("en")})`,
);
if (perSecond < TARGET) process.exit(1);
