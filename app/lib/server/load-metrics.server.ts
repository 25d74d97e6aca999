/**
 * What a load test needs to see inside the server: the event loop's delay (a stall there
 * delays every request), the garbage collector's pauses, how long the app took over each
 * request (from its arrival past the static files to its last byte), how long queries wait
 * for a pool connection, how long requests wait at the admission gate and how many it turned
 * away. Printed as one line on SIGUSR2 (`bench:autosave` and `bench:load` ask for it after
 * each phase), then reset. A client's latency far above the app's own request time was lost
 * outside the app: in the client, the network stack or waiting for a CPU.
 */
import {
  createHistogram,
  monitorEventLoopDelay,
  PerformanceObserver,
  type RecordableHistogram,
} from "node:perf_hooks";

const eventLoop = monitorEventLoopDelay({ resolution: 5 });
const poolWait: RecordableHistogram = createHistogram();
const admissionWait: RecordableHistogram = createHistogram();
const requestTime: RecordableHistogram = createHistogram();
const gcPause: RecordableHistogram = createHistogram();
let gcTotalMs = 0;
let refused = 0;
let started = false;

/** Starts measuring the event loop and the garbage collector (once per process). */
export function startLoadMetrics(): void {
  if (started) return;
  started = true;
  eventLoop.enable();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcPause.record(Math.max(1, Math.round(entry.duration * 1000)));
      gcTotalMs += entry.duration;
    }
  }).observe({ entryTypes: ["gc"] });
}

/** Records how long the app took over one request, from its arrival to its last byte, in ms. */
export function recordRequestTime(ms: number): void {
  requestTime.record(Math.max(1, Math.round(ms * 1000)));
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
/** A histogram of microseconds' percentile, in ms (0 when it recorded nothing). */
const percentile = (histogram: RecordableHistogram, p: number) =>
  us(histogram.count ? histogram.percentile(p) : 0);
/** A histogram of microseconds' largest value, in ms (0 when it recorded nothing). */
const maximum = (histogram: RecordableHistogram) => us(histogram.count ? histogram.max : 0);

/** One line of figures since the last report; resets them. */
export function loadReport(): string {
  const line =
    `load pid=${process.pid}: event-loop delay p50 ${ms(eventLoop.percentile(50))} ms, ` +
    `p99 ${ms(eventLoop.percentile(99))} ms, max ${ms(eventLoop.max)} ms; ` +
    `pool wait p50 ${percentile(poolWait, 50)} ms, ` +
    `p99 ${percentile(poolWait, 99)} ms, max ${maximum(poolWait)} ms ` +
    `(${poolWait.count} connections); admission waits ${admissionWait.count}, ` +
    `p99 ${percentile(admissionWait, 99)} ms, ${refused} turned away (503); ` +
    `request time p50 ${percentile(requestTime, 50)} ms, p99 ${percentile(requestTime, 99)} ms, ` +
    `max ${maximum(requestTime)} ms (${requestTime.count}); ` +
    `gc pauses ${gcPause.count}, ${gcTotalMs.toFixed(0)} ms in all, p99 ${percentile(gcPause, 99)} ms, ` +
    `max ${maximum(gcPause)} ms; ` +
    `rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB`;
  requestTime.reset();
  gcPause.reset();
  gcTotalMs = 0;
  eventLoop.reset();
  poolWait.reset();
  admissionWait.reset();
  refused = 0;
  return line;
}
