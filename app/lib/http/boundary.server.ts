/**
 * The server's boundary: Express middleware that every request passes before Remix sees
 * it. It refuses what no route can handle — unknown methods, broken addresses, bodies of
 * the wrong type, too large (counted while streaming, so nothing large is ever buffered) or
 * holding text PostgreSQL cannot store — with a clear 4xx, and hands Remix the checked
 * body. The final error handler answers anything that still fails with a plain 500 that
 * never shows a stack. Decision record: docs/decisions/009-request-boundary.md.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from "express";
import {
  jsonValueProblem,
  parseFormStrict,
  requestTargetProblem,
  textProblem,
} from "../core/input-checks";
import { MAX_JSON_BODY_BYTES } from "./json-body.server";

/** The largest form body (a page's form post): the longest, the profile, is under 4 KB. */
export const MAX_FORM_BODY_BYTES = 16 * 1024;

/**
 * The forms that upload a file, with their limit: only these accept a file part (the
 * service catalogue's import; the seed file is about 40 KB).
 */
export const UPLOAD_FORM_LIMITS: Readonly<Record<string, number>> = {
  "/hub/services/import": 1024 * 1024,
};

/** The methods the app answers; anything else (TRACE, CONNECT, PROPFIND…) is a 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The request's checked body, for the Remix handler (undefined: no body was sent). */
export interface CheckedBody {
  bytes: Buffer;
}

/** A plain or JSON error answer, as the request's kind of client expects. */
export function refuse(
  req: Request,
  res: Response,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.status(status).set({ "Cache-Control": "no-store", ...headers });
  if (req.method === "HEAD") {
    res.end();
  } else if (isApiPath(req.path)) {
    res.json({ errors: [{ path: "(request)", message }] });
  } else {
    res.type("text/plain; charset=utf-8").send(message);
  }
}

/** Whether a path belongs to the JSON API. */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/**
 * Unknown methods → 405 with `Allow`; `OPTIONS` → 204 with `Allow` and no body; a request
 * target that is not a path, or has a malformed percent-encoding or an encoded NUL → 400.
 */
export const methodAndTarget: RequestHandler = (req, res, next) => {
  if (!ALLOWED_METHODS.includes(req.method)) {
    return refuse(req, res, 405, `The method ${req.method} is not allowed.`, {
      Allow: ALLOWED_METHODS.join(", "),
    });
  }
  if (req.method === "OPTIONS") {
    res.status(204).set("Allow", ALLOWED_METHODS.join(", ")).end();
    return;
  }
  // Only a path: the absolute form ("GET http://host/…") is for proxies.
  if (!req.originalUrl.startsWith("/")) return refuse(req, res, 400, "Bad request: not a path.");
  const problem = requestTargetProblem(req.originalUrl);
  if (problem) return refuse(req, res, 400, `Bad request: ${problem}.`);
  next();
};

function hasBody(req: Request): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

function mediaType(req: Request): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Reads the body while counting: past `limit` bytes it stops reading and answers 413.
 * Resolves to the bytes, or undefined when it has answered.
 */
async function readBounded(
  req: Request,
  res: Response,
  limit: number,
): Promise<Buffer | undefined> {
  const tooLarge = () => {
    // Stop the client sending more on this connection; discard what is in flight.
    req.resume();
    refuse(req, res, 413, `The body is larger than ${limit} bytes.`, { Connection: "close" });
    return undefined;
  };
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) return tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The body's text, or undefined when it is not UTF-8. */
function utf8(bytes: Buffer): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Checks a JSON API body: `application/json`, UTF-8, valid JSON, nothing unstorable. */
async function checkJson(req: Request, res: Response): Promise<Buffer | undefined> {
  if (mediaType(req) !== "application/json") {
    refuse(req, res, 415, "The body must be JSON, sent as Content-Type: application/json.");
    return undefined;
  }
  const bytes = await readBounded(req, res, MAX_JSON_BODY_BYTES);
  if (!bytes) return undefined;
  const text = utf8(bytes);
  if (text === undefined) {
    refuse(req, res, 400, "The body is not UTF-8.");
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The route says so in its own words (an empty body may be allowed, as on submit).
    return bytes;
  }
  const problem = jsonValueProblem(value);
  if (problem) {
    res
      .status(400)
      .set("Cache-Control", "no-store")
      .json({ errors: [problem] });
    return undefined;
  }
  return bytes;
}

/** Checks a page's form body: a form content type, strictly encoded, nothing unstorable. */
async function checkForm(req: Request, res: Response): Promise<Buffer | undefined> {
  const type = mediaType(req);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
    refuse(req, res, 415, "Forms must be sent as application/x-www-form-urlencoded.");
    return undefined;
  }
  const upload = Object.hasOwn(UPLOAD_FORM_LIMITS, req.path) && type === "multipart/form-data";
  const bytes = await readBounded(
    req,
    res,
    upload ? UPLOAD_FORM_LIMITS[req.path] : MAX_FORM_BODY_BYTES,
  );
  if (!bytes) return undefined;
  const problem = await formProblem(type, req.headers["content-type"]!, bytes, upload);
  if (problem) {
    refuse(req, res, 400, `Bad form: ${problem}.`);
    return undefined;
  }
  return bytes;
}

async function formProblem(type: string, contentType: string, bytes: Buffer, upload: boolean) {
  if (type === "application/x-www-form-urlencoded") {
    const text = utf8(bytes);
    if (text === undefined) return "the body is not UTF-8";
    const parsed = parseFormStrict(text);
    return parsed.ok ? undefined : parsed.message;
  }
  let form: FormData;
  try {
    form = await new globalThis.Response(new Uint8Array(bytes), {
      headers: { "Content-Type": contentType },
    }).formData();
  } catch {
    return "the multipart body cannot be read";
  }
  for (const [name, value] of form.entries()) {
    // An uploaded file's content is the route's to check (the import parses it as JSON).
    if (typeof value !== "string" && !upload) return "file uploads are not accepted";
    const problem =
      textProblem(name) ?? (typeof value === "string" ? textProblem(value) : undefined);
    if (problem) return `a form field ${problem}`;
  }
  return undefined;
}

/**
 * Reads and checks the body of every request that may carry one: JSON on `/api/`, a form
 * elsewhere. Puts the checked bytes in `res.locals.body` for the Remix handler.
 */
export const checkedBody: RequestHandler = (req, res, next: NextFunction) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const api = isApiPath(req.path);
  if (api && !hasBody(req)) {
    res.locals.body = { bytes: Buffer.alloc(0) } satisfies CheckedBody;
    return next();
  }
  (api ? checkJson(req, res) : checkForm(req, res)).then((bytes) => {
    if (!bytes) return;
    res.locals.body = { bytes } satisfies CheckedBody;
    next();
  }, next);
};

/**
 * The last handler: logs what nothing else caught and answers a plain 500 (or the 4xx an
 * Express part gave it, such as a static file's bad range) without a stack or a path.
 */
// Express tells an error handler by its four parameters.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export const finalErrorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const status =
    typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
  const known = Number.isInteger(status) && status >= 400 && status < 500;
  if (!known) console.error(`${req.method} ${req.path} failed:`, error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  refuse(
    req,
    res,
    known ? status : 500,
    known ? "The request cannot be answered." : "Something went wrong on the server.",
  );
};
