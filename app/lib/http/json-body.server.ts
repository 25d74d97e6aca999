import { jsonValueProblem } from "../core/input-checks";

/** The largest JSON body any API accepts. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** An API error response body: every problem, each with its path. */
export interface ApiErrorBody {
  errors: { path: string; message: string }[];
}

/** A JSON error response in the API's one shape. */
export function apiError(status: number, errors: ApiErrorBody["errors"]): Response {
  return Response.json({ errors } satisfies ApiErrorBody, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}

/**
 * Reads a JSON request body of at most `MAX_JSON_BODY_BYTES`. Returns the parsed value,
 * or a ready 413 (too large) or 400 (not JSON; or holding what the boundary refuses: NUL,
 * a lone surrogate, a `__proto__` key, too deep a nesting) response; never reads past
 * the limit. The server's boundary (boundary.server.ts) has already checked the same.
 */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const tooLarge = () =>
    apiError(413, [
      { path: "(body)", message: `the body is larger than ${MAX_JSON_BODY_BYTES} bytes` },
    ]);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) return { ok: false, response: tooLarge() };
  if (!request.body) {
    return {
      ok: false,
      response: apiError(400, [{ path: "(body)", message: "a JSON body is required" }]),
    };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel();
      return { ok: false, response: tooLarge() };
    }
    chunks.push(value);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return {
      ok: false,
      response: apiError(400, [{ path: "(body)", message: "the body is not valid JSON" }]),
    };
  }
  const problem = jsonValueProblem(value);
  return problem ? { ok: false, response: apiError(400, [problem]) } : { ok: true, value };
}
