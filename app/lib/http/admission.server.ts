/**
 * Admission control: at most `maxInFlight` requests are inside the app at once (they all
 * need the database, whose pool is smaller than a crowd), the next ones wait in a bounded
 * line, and whoever would wait longer than `maxWaitMs` (or finds the line full) is answered
 * 503 with `Retry-After` at once — never left to time out inside the pool as a 500, and
 * never dropped. Static files are served before this gate and never wait.
 */
import type { RequestHandler } from "express";
import { refuse } from "./boundary.server";
import { recordAdmissionWait } from "../server/load-metrics.server";

export interface AdmissionOptions {
  maxInFlight: number;
  maxQueue: number;
  maxWaitMs: number;
  retryAfterSeconds?: number;
}

/** The gate, as Express middleware, with its counters for the metrics report. */
export function admissionGate(options: AdmissionOptions): RequestHandler {
  let inFlight = 0;
  const line: { admit: () => void; timer: NodeJS.Timeout }[] = [];
  const release = () => {
    const next = line.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    } else {
      inFlight--;
    }
  };
  const busy = (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) =>
    refuse(req, res, 503, "The server is busy; please try again in a moment.", {
      "Retry-After": String(options.retryAfterSeconds ?? 2),
    });
  return (req, res, next) => {
    const enter = () => {
      let released = false;
      res.on("close", () => {
        if (!released) {
          released = true;
          release();
        }
      });
      next();
    };
    if (inFlight < options.maxInFlight) {
      inFlight++;
      return enter();
    }
    if (line.length >= options.maxQueue) return busy(req, res);
    const queuedAt = performance.now();
    const leave = () => {
      const at = line.indexOf(entry);
      if (at !== -1) line.splice(at, 1);
      clearTimeout(entry.timer);
    };
    // A client that hangs up while waiting leaves the line. (Not `req.destroyed`: a request
    // whose body has been read to the end is destroyed too, yet still waits for its answer.)
    const onClose = () => leave();
    res.once("close", onClose);
    const entry = {
      admit: () => {
        res.off("close", onClose);
        recordAdmissionWait(performance.now() - queuedAt);
        // The slot passes straight to this request: inFlight is unchanged.
        enter();
      },
      timer: setTimeout(() => {
        res.off("close", onClose);
        leave();
        recordAdmissionWait(performance.now() - queuedAt, true);
        busy(req, res);
      }, options.maxWaitMs),
    };
    line.push(entry);
  };
}
