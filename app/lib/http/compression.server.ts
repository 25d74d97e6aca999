import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

/**
 * Which responses the compression middleware compresses: what its own filter picks, except
 * downloads (`Content-Disposition: attachment`). An export streams tens of megabytes per
 * second; compressing it on the fly (brotli, as a browser asks) costs the server more CPU
 * than reading and writing the rows, and an XLSX file is a zip already (decision 028).
 */
export function shouldCompress(req: Request, res: Response): boolean {
  const disposition = res.getHeader("Content-Disposition");
  if (typeof disposition === "string" && /^\s*attachment/i.test(disposition)) return false;
  return compression.filter(req, res);
}

/**
 * The compression middleware with `shouldCompress` as its filter, not set up at all for the
 * JSON API's writes: they answer a few bytes (`{"savedAt": …}`), below any threshold, and
 * the middleware's wrapping of each response was the largest part of what autosave left
 * for the old generation's collector (decision 038).
 */
export function compressResponses(): RequestHandler {
  const compress = compression({ filter: shouldCompress });
  return (req, res, next) => (isApiWrite(req) ? next() : compress(req, res, next));
}

/** A request to the JSON API that is not a read (saves, creations, submits, scoring). */
function isApiWrite(req: Request): boolean {
  return req.method !== "GET" && req.method !== "HEAD" && req.path.startsWith("/api/");
}
