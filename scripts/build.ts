/**
 * `npm run build`: the Remix build, then a brotli (quality 11) and a gzip (level 9) copy
 * beside every compressible file of public/build, which the server sends as they are
 * (app/lib/http/precompressed.server.ts) instead of compressing on the fly at brotli's
 * quality 4: the questionnaire's SurveyJS chunk is 278 KB instead of 347 KB. Quality 11 is
 * slow (about 10 s for that chunk), so the copies are kept in
 * node_modules/.cache/mognad-compressed by a hash of the content.
 *
 * Last, it writes build/.stamp.json: a hash of the build's sources (app/, db/, the Remix
 * config, package.json and the lock file, NODE_ENV) and of its output. `npm start` runs
 * this with `--if-stale`, which skips the build when both still match and the compressed
 * copies are all there, so a restart without changes starts at once.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { COMPRESSED_EXTENSIONS, isCompressible } from "../app/lib/http/precompressed.server";

const BUILD_DIR = path.join("public", "build");
const CACHE_DIR = path.join("node_modules", ".cache", "mognad-compressed");
const STAMP = path.join("build", ".stamp.json");
/** What the build is made from (survey definitions and catalogues are read at run time). */
const SOURCES = ["app", "db", "remix.config.js", "package.json", "package-lock.json"];

const encoders: Record<(typeof COMPRESSED_EXTENSIONS)[number], (data: Buffer) => Promise<Buffer>> =
  {
    ".br": (data) =>
      promisify(brotliCompress)(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    ".gz": (data) => promisify(gzip)(data, { level: constants.Z_BEST_COMPRESSION }),
  };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

async function compress(file: string): Promise<{ raw: number; br: number }> {
  const data = readFileSync(file);
  const hash = createHash("sha256").update(data).digest("hex");
  let br = 0;
  // zlib's asynchronous calls run on the thread pool: the files compress in parallel.
  await Promise.all(
    COMPRESSED_EXTENSIONS.map(async (extension) => {
      const cached = path.join(CACHE_DIR, `${hash}${extension}`);
      let encoded: Buffer;
      if (existsSync(cached)) {
        encoded = readFileSync(cached);
      } else {
        encoded = await encoders[extension](data);
        writeFileSync(cached, encoded);
      }
      writeFileSync(`${file}${extension}`, encoded);
      if (extension === ".br") br = encoded.length;
    }),
  );
  return { raw: data.length, br };
}

/** A hash of the named files and of every file under the named folders, by path and content. */
function hashOf(paths: string[], extra = ""): string {
  const hash = createHash("sha256").update(extra);
  const files = paths
    .filter((p) => existsSync(p))
    .flatMap((p) => (statSync(p).isDirectory() ? filesUnder(p) : [p]))
    .sort();
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

/** The build's output that a stale or foreign build would differ in. */
function outputHash(): string {
  return hashOf([path.join("build", "index.js")]);
}

/**
 * Whether every compressible file of public/build has its compressed copies: a bare
 * `remix build` writes the same output without them (and removes the old ones).
 */
function hasCompressedCopies(): boolean {
  if (!existsSync(BUILD_DIR)) return false;
  return filesUnder(BUILD_DIR)
    .filter((file) => isCompressible(file))
    .every((file) => COMPRESSED_EXTENSIONS.every((extension) => existsSync(`${file}${extension}`)));
}

function isCurrent(sources: string): boolean {
  if (!existsSync(STAMP) || !existsSync(path.join("build", "index.js"))) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, "utf8")) as { sources?: string; output?: string };
    return stamp.sources === sources && stamp.output === outputHash() && hasCompressedCopies();
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV || "production";
  const sources = hashOf(SOURCES, nodeEnv);
  if (process.argv.includes("--if-stale") && isCurrent(sources)) {
    console.log("The build is current (no source changed since it was made): not rebuilding.");
    return;
  }
  const remix = spawnSync("npx", ["remix", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: nodeEnv },
  });
  if (remix.status !== 0) process.exit(remix.status ?? 1);
  await compressAssets();
  writeFileSync(STAMP, `${JSON.stringify({ sources, output: outputHash() })}\n`);
}

async function compressAssets(): Promise<void> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const started = performance.now();
  const files = filesUnder(BUILD_DIR).filter((file) => isCompressible(file));
  const sizes = await Promise.all(files.map(compress));
  const raw = sizes.reduce((sum, s) => sum + s.raw, 0);
  const br = sizes.reduce((sum, s) => sum + s.br, 0);
  console.log(
    `Compressed ${files.length} build files: ${(raw / 1024).toFixed(0)} KB → ` +
      `${(br / 1024).toFixed(0)} KB brotli (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
