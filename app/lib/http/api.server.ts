import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
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
function apiErrorFrom(error: unknown): Response {
  if (error instanceof AssessmentError) return apiError(error.status, error.problems);
  if (error instanceof Response) return error;
  throw error;
}

/** The methods an API route may answer. */
export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One method's handler: Remix's loader/action arguments in, the response out. */
export type ApiHandler = (args: LoaderFunctionArgs) => Response | Promise<Response>;

/**
 * The loader and action of an API resource route, from a handler per method:
 * `export const { loader, action } = apiRoute({ POST: create })`. Any other method gets the
 * API's 405 with `Allow` (HEAD is answered as GET). A domain error (`AssessmentError`) or a
 * `Response` thrown by a handler or a guard becomes the answer; anything else is a 500.
 */
export function apiRoute(handlers: Partial<Record<ApiMethod, ApiHandler>>): {
  loader: (args: LoaderFunctionArgs) => Promise<Response>;
  action: (args: ActionFunctionArgs) => Promise<Response>;
} {
  const allowed = Object.keys(handlers) as ApiMethod[];
  const handle = async (args: LoaderFunctionArgs): Promise<Response> => {
    const method = args.request.method === "HEAD" ? "GET" : args.request.method;
    const handler = handlers[method as ApiMethod];
    if (!handler) {
      const response = apiError(405, [
        { path: "(method)", message: `use ${allowed.join(" or ")}` },
      ]);
      response.headers.set("Allow", allowed.join(", "));
      return response;
    }
    try {
      return await handler(args);
    } catch (error) {
      return apiErrorFrom(error);
    }
  };
  return { loader: handle, action: handle };
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
