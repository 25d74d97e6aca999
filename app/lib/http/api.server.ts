import { AssessmentError } from "../server/assessments.server";
import { env } from "../server/env.server";
import { apiError } from "./json-body.server";
import { createRateLimiter } from "./rate-limit.server";

/**
 * New assessments per client address: generous for a hub running a workshop from one
 * office network, but a script cannot create thousands.
 */
let limiter: ReturnType<typeof createRateLimiter> | undefined;
export function creationLimiter() {
  // Built on first use: reading the environment at import would bypass start-up's one-line errors.
  limiter ??= createRateLimiter({
    limit: env().RATE_LIMIT_ASSESSMENTS_PER_HOUR,
    windowMs: 60 * 60 * 1000,
  });
  return limiter;
}

/** Turns a service failure into the API's JSON error; anything else is rethrown. */
export function apiErrorFrom(error: unknown): Response {
  if (error instanceof AssessmentError) return apiError(error.status, error.problems);
  throw error;
}

/** The 429 answer of a rate limit, with Retry-After. */
export function tooManyRequests(retryAfterSeconds: number, message: string): Response {
  const response = apiError(429, [{ path: "(client)", message }]);
  response.headers.set("Retry-After", String(retryAfterSeconds));
  return response;
}

/** The links of an assessment, absolute on this server. */
export function assessmentLinks(request: Request, token: string) {
  const origin = new URL(request.url).origin;
  return {
    questionnaire: `${origin}/a/${token}`,
    results: `${origin}/a/${token}/results`,
    api: `${origin}/api/v1/assessments/${token}`,
  };
}
