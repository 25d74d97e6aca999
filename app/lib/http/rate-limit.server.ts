/**
 * A fixed-window rate limiter kept in memory (one server process). Enough to stop a
 * script from creating thousands of assessments; a multi-process deployment would move
 * the counters to the database.
 */
export function createRateLimiter(options: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one attempt for `key`; says whether it is allowed and, if not, when to retry. */
    take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
      let window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        window = { start: now, count: 0 };
        windows.set(key, window);
        if (windows.size > 10_000) {
          for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
        }
      }
      window.count++;
      if (window.count <= options.limit) return { ok: true };
      return {
        ok: false,
        retryAfterSeconds: Math.ceil((window.start + options.windowMs - now) / 1000),
      };
    },
  };
}
