/**
 * `npm run bench:scoring`: complete DMA responses validated and scored per second on one core
 * (target ≥ 50,000), for the SME and the public sector forms. Exits 1 if either is below the
 * target, so CI can run it.
 */
import type { Answers } from "../../app/lib/core/answers";
import type { SurveyDefinition } from "../../app/lib/core/definitions";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { loadDefinition } from "../helpers/definitions";
import { randomAnswers, createRandom } from "../helpers/random-answers";

const TARGET = 50_000;
const DURATION_MS = 2_000;

const forms = [
  { label: "DMA SME", definition: loadDefinition("dma-sme", "1.0.0") },
  { label: "DMA PSO", definition: loadDefinition("dma-pso", "1.0.0") },
];

function run(definition: SurveyDefinition, responses: Answers[], ms: number): number {
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

let belowTarget = false;
for (const { label, definition } of forms) {
  const random = createRandom(42);
  const responses = Array.from({ length: 1_000 }, () => randomAnswers(definition, random));
  run(definition, responses, 300); // Warm up the JIT.
  const perSecond = Math.round(run(definition, responses, DURATION_MS));
  console.log(
    `scoring: ${perSecond.toLocaleString("en")} ${label} responses/s (validated and scored, one core; target ${TARGET.toLocaleString("en")})`,
  );
  if (perSecond < TARGET) belowTarget = true;
}
if (belowTarget) process.exit(1);
