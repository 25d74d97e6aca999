/**
 * `npm run bench:bundle`: each page's first-load JavaScript (gzip) from the production
 * build's asset manifest: the entry, then every route module from root to the page,
 * with their static imports. Chunks loaded later (dynamic import) are not counted.
 * Exits 1 when a page is over the budget.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 100;
const publicDir = path.resolve("public");
const buildDir = path.join(publicDir, "build");

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

const newest = readdirSync(buildDir)
  .filter((f) => /^manifest-.*\.js$/.test(f))
  .map((f) => ({ f, t: statSync(path.join(buildDir, f)).mtimeMs }))
  .sort((a, b) => b.t - a.t)[0];
if (!newest) throw new Error("no manifest in public/build: run `remix build` first");
const source = readFileSync(path.join(buildDir, newest.f), "utf8");
const manifest = JSON.parse(
  source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""),
) as Manifest;

const gzipCache = new Map<string, number>();
function gzipBytes(url: string): number {
  let size = gzipCache.get(url);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(publicDir, url))).length;
    gzipCache.set(url, size);
  }
  return size;
}

function chain(route: ManifestRoute): ManifestRoute[] {
  const parent = route.parentId ? manifest.routes[route.parentId] : undefined;
  return parent ? [...chain(parent), route] : [route];
}

let over = 0;
const rows = Object.values(manifest.routes)
  .filter((route) => route.id !== "root")
  .map((route) => {
    const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
    for (const r of chain(route)) {
      files.add(r.module);
      for (const i of r.imports ?? []) files.add(i);
    }
    const kb = [...files].reduce((sum, f) => sum + gzipBytes(f), 0) / 1024;
    if (kb > BUDGET_KB) over++;
    return { route: route.id, kb };
  })
  .sort((a, b) => b.kb - a.kb);

console.log(`First-load JavaScript per route (KB gzip, budget ${BUDGET_KB}):`);
for (const { route, kb } of rows) {
  console.log(`${kb.toFixed(1).padStart(7)}  ${route}${kb > BUDGET_KB ? "  OVER BUDGET" : ""}`);
}
process.exit(over > 0 ? 1 : 0);
