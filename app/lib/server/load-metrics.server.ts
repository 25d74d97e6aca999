/**
 * What a load test needs to see inside the server: the event loop's delay (a stall there
 * delays every request), how long queries wait for a pool connection, how long requests
 * wait at the admission gate and how many it turned away. Printed as one line on SIGUSR2
 * (`bench:autosave` and `bench:load` ask for it after each phase), then reset.
 */
import { createHistogram, monitorEventLoopDelay, type RecordableHistogram } from "node:perf_hooks";

const eventLoop = monitorEventLoopDelay({ resolution: 5 });
const poolWait: RecordableHistogram = createHistogram();
const admissionWait: RecordableHistogram = createHistogram();
let refused = 0;
let started = false;

/** Starts measuring the event loop (once per process). */
export function startLoadMetrics(): void {
  if (started) return;
  started = true;
  eventLoop.enable();
}

/** Records how long a query waited for a pool connection, in milliseconds. */
export function recordPoolWait(ms: number): void {
  poolWait.record(Math.max(1, Math.round(ms * 1000)));
}

/** Records a wait at the admission gate; `turnedAway` when it ended in a 503. */
export function recordAdmissionWait(ms: number, turnedAway = false): void {
  admissionWait.record(Math.max(1, Math.round(ms * 1000)));
  if (turnedAway) refused++;
}

const ms = (ns: number) => (ns / 1e6).toFixed(1);
const us = (n: number) => (n / 1000).toFixed(1);

/** One line of figures since the last report; resets them. */
export function loadReport(): string {
  const line =
    `load pid=${process.pid}: event-loop delay p50 ${ms(eventLoop.percentile(50))} ms, ` +
    `p99 ${ms(eventLoop.percentile(99))} ms, max ${ms(eventLoop.max)} ms; ` +
    `pool wait p50 ${us(poolWait.count ? poolWait.percentile(50) : 0)} ms, ` +
    `p99 ${us(poolWait.count ? poolWait.percentile(99) : 0)} ms, max ${us(poolWait.count ? poolWait.max : 0)} ms ` +
    `(${poolWait.count} connections); admission waits ${admissionWait.count}, ` +
    `p99 ${us(admissionWait.count ? admissionWait.percentile(99) : 0)} ms, ${refused} turned away (503); ` +
    `rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB`;
  eventLoop.reset();
  poolWait.reset();
  admissionWait.reset();
  refused = 0;
  return line;
}
