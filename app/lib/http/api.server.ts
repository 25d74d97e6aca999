import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { AssessmentError } from "../server/assessments.server";
import { RateLimited } from "../server/creation-limit.server";
import { apiError } from "./json-body.server";

/**
 * Turns a service failure into the API's JSON error (a rate limit into a 429 with
 * Retry-After); anything else is rethrown.
 */
function apiErrorFrom(error: unknown): Response {
  if (error instanceof AssessmentError) return apiError(error.status, error.problems);
  if (error instanceof RateLimited) {
    return tooManyRequests(
      error.retryAfterSeconds,
      "too many new assessments from this address; try again later",
    );
  }
  if (error instanceof Response) return error;
  if (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) {
    // The pool stayed full past its wait bound: overload, answered as such.
    const response = apiError(503, [{ path: "(server)", message: "busy; try again shortly" }]);
    response.headers.set("Retry-After", "2");
    return response;
  }
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
