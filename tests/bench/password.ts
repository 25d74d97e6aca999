/**
 * `npm run bench:password`: how long one argon2id hash and one verification take with
 * the app's parameters (target 50–250 ms on the project's machines).
 */
import {
  hashPassword,
  PASSWORD_HASH_OPTIONS,
  verifyPassword,
} from "../../app/lib/server/passwords.server";

const ROUNDS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const hashes: number[] = [];
  const verifies: number[] = [];
  let hash = await hashPassword("warm up the thread pool");
  for (let i = 0; i < ROUNDS; i++) {
    let start = performance.now();
    hash = await hashPassword(`a benchmark passphrase ${i}`);
    hashes.push(performance.now() - start);
    start = performance.now();
    await verifyPassword(hash, `a benchmark passphrase ${i}`);
    verifies.push(performance.now() - start);
  }
  const { memoryCost, timeCost, parallelism } = PASSWORD_HASH_OPTIONS;
  console.log(`argon2id m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}; ${ROUNDS} rounds`);
  for (const [name, times] of [
    ["hash", hashes],
    ["verify", verifies],
  ] as const) {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${name}: p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms`,
    );
  }
}

void main();
