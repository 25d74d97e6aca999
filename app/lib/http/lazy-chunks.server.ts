import { readFileSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";

/**
 * The build chunks a route's browser module loads lazily (`import("/build/…")`, such as
 * the questionnaire's SurveyJS chunk), as URLs, so the route can name them in
 * `<link rel="modulepreload">` and the browser fetch them while it reads the page instead
 * of after hydration. Read once per route from the compiled module in public/build; an
 * unreadable module gives none (the chunk then loads as before, only later).
 */
export function lazyChunks(build: Pick<ServerBuild, "assets">, publicDir = "public") {
  const cache = new Map<string, string[]>();
  return (routeId: string): string[] => {
    const cached = cache.get(routeId);
    if (cached) return cached;
    const moduleUrl = build.assets.routes[routeId]?.module;
    let chunks: string[] = [];
    if (moduleUrl?.startsWith("/build/")) {
      try {
        const source = readFileSync(path.join(publicDir, moduleUrl), "utf8");
        const found = source.matchAll(/\bimport\(\s*["'](\/build\/[\w./$-]+\.js)["']\s*\)/g);
        chunks = [...new Set(Array.from(found, (match) => match[1]))];
      } catch {
        chunks = [];
      }
    }
    cache.set(routeId, chunks);
    return chunks;
  };
}
