import compression from "compression";
import type { Request, Response } from "express";

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

/** The compression middleware with `shouldCompress` as its filter. */
export const compressResponses = () => compression({ filter: shouldCompress });
