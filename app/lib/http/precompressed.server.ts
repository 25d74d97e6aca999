import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";

/** The copies `npm run build` writes beside each compressible build file, best first. */
export const COMPRESSED_EXTENSIONS = [".br", ".gz"] as const;
const ENCODING_OF = { ".br": "br", ".gz": "gzip" } as const;

/** Text files worth compressing (build assets are scripts, style sheets and maps). */
export function isCompressible(file: string): boolean {
  return /\.(js|css|svg|json|map|txt)$/.test(file) && statSync(file).size >= 1024;
}

/**
 * Sends the brotli or gzip copy that `npm run build` made of a build asset
 * (scripts/build.ts), when the browser accepts that encoding: mounted in front
 * of `express.static` on the same folder, it points the request at `<file>.br` or
 * `<file>.gz` and sets the encoding and the original file's type, which express.static
 * and the compression middleware then leave alone. Files without copies (a build made
 * with `remix build` alone) are compressed on the fly as before.
 */
export function precompressed(root: string): RequestHandler {
  const available = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else available.add(path.relative(root, file).split(path.sep).join("/"));
    }
  };
  if (existsSync(root)) walk(root);

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path).replace(/^\/+/, "");
    } catch {
      return next();
    }
    const choices = COMPRESSED_EXTENSIONS.filter((ext) => available.has(relative + ext));
    if (choices.length === 0) return next();
    res.vary("Accept-Encoding");
    // The smallest the browser accepts (its own order of preference rarely ranks them).
    const extension = choices.find(
      (ext) => req.acceptsEncodings(ENCODING_OF[ext]) === ENCODING_OF[ext],
    );
    if (!extension) return next();
    res.type(path.extname(relative));
    res.setHeader("Content-Encoding", ENCODING_OF[extension]);
    const query = req.url.indexOf("?");
    req.url =
      query < 0
        ? `${req.url}${extension}`
        : `${req.url.slice(0, query)}${extension}${req.url.slice(query)}`;
    next();
  };
}
