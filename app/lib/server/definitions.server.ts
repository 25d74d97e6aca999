/**
 * Loads the survey definition files (`<dir>/<id>/<version>.json`), validates each with
 * `parseDefinition`, and holds published versions to the hashes in `definitions.lock.json`:
 * a published file is frozen, a change is a new version.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  compareVersions,
  formatPath,
  parseDefinition,
  VersionSchema,
  type SurveyDefinition,
} from "../core/definitions";
import { env } from "./env.server";

export const LOCK_FILE = "definitions.lock.json";

/** One loaded version: the validated definition, its SHA-256 and the exact file text. */
export interface DefinitionEntry {
  id: string;
  version: string;
  definition: SurveyDefinition;
  /** SHA-256 (hex) of the file's exact bytes; assessments record it. */
  hash: string;
  raw: string;
  /** The file, relative to the definitions folder's parent (`survey-definitions/…`). */
  file: string;
}

export interface DefinitionRegistry {
  /** A published version, or undefined (drafts are never offered). */
  get(id: string, version: string): DefinitionEntry | undefined;
  /** The highest published version of a definition. */
  latest(id: string): DefinitionEntry | undefined;
  /** Every definition with a published version, by id, with its versions in ascending order. */
  list(): { id: string; versions: string[]; latest: DefinitionEntry }[];
  /** Every loaded file, drafts included, in id then version order. */
  entries(): DefinitionEntry[];
  /** Published versions missing from the lock (only ever non-empty in write mode). */
  unlocked: { key: string; hash: string }[];
}

/** Every problem found in the definitions folder, one line each: `<file>: <path>: <problem>`. */
export class DefinitionsError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "DefinitionsError";
  }
}

const LockSchema = z.record(
  z.string().regex(/^[a-z0-9-]+@\d+\.\d+\.\d+$/, "keys are <id>@<version>"),
  z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in lower-case hex"),
);

/** SHA-256 in hex of exact bytes. */
export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads and checks every definition under `dir`. Throws a `DefinitionsError` listing every
 * problem: invalid JSON or definitions, a published file whose hash differs from the lock,
 * a locked version whose file is gone or is no longer published, and (unless `write` is set,
 * for `definitions:check --write`) a published version not yet in the lock.
 */
export function loadDefinitionRegistry(
  dir: string,
  options: { write?: boolean } = {},
): DefinitionRegistry {
  const problems: string[] = [];
  const base = path.dirname(path.resolve(dir));
  const relative = (file: string) => path.relative(base, file).split(path.sep).join("/");
  const report = (file: string, at: string, message: string) =>
    problems.push(`${relative(file)}: ${at}: ${message}`);

  const lockPath = path.join(dir, LOCK_FILE);
  const lock = readLock(lockPath, report);
  const entries: DefinitionEntry[] = [];
  const found = new Set<string>();

  for (const id of listDirectories(dir)) {
    for (const name of readdirSync(path.join(dir, id)).sort()) {
      if (!name.endsWith(".json")) continue;
      const file = path.join(dir, id, name);
      const version = name.slice(0, -".json".length);
      if (!VersionSchema.safeParse(version).success) {
        report(file, "(root)", "the file name must be <major.minor.patch>.json");
        continue;
      }
      const key = `${id}@${version}`;
      found.add(key);
      const bytes = readFileSync(file);
      const hash = sha256(bytes);
      const locked = Object.hasOwn(lock, key) ? lock[key] : undefined;
      if (locked !== undefined && locked !== hash) {
        report(
          file,
          "(root)",
          `changed after it was published (sha256 ${hash}, locked ${locked}); ` +
            "publish the change as a new version",
        );
      }
      const raw = bytes.toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        report(file, "(root)", `invalid JSON: ${describeSyntaxError(error, raw)}`);
        continue;
      }
      const parsed = parseDefinition(json, { id, version });
      if (!parsed.ok) {
        for (const problem of parsed.problems) report(file, problem.path, problem.message);
        continue;
      }
      const definition = parsed.value;
      if (locked !== undefined && definition.status !== "published") {
        report(file, "status", `${key} is locked as published; it cannot go back to draft`);
      } else if (locked === undefined && definition.status === "published" && !options.write) {
        report(
          file,
          "(root)",
          `published but not in ${LOCK_FILE}; run npm run definitions:check -- --write`,
        );
      }
      entries.push({ id, version, definition, hash, raw, file: relative(file) });
    }
  }

  for (const key of Object.keys(lock)) {
    if (!found.has(key)) report(lockPath, formatPath([key]), "the locked version has no file");
  }
  if (problems.length > 0) throw new DefinitionsError(problems);

  const unlocked = entries
    .filter(
      (e) => e.definition.status === "published" && !Object.hasOwn(lock, `${e.id}@${e.version}`),
    )
    .map((e) => ({ key: `${e.id}@${e.version}`, hash: e.hash }));
  return createRegistry(entries, unlocked);
}

/** JSON.parse's message, with the line and column when it only gives a position. */
function describeSyntaxError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(position[1])).split("\n");
  return `${message} (line ${before.length} column ${before[before.length - 1].length + 1})`;
}

function listDirectories(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

function readLock(
  lockPath: string,
  report: (file: string, at: string, message: string) => void,
): Record<string, string> {
  let raw: string;
  try {
    raw = readFileSync(lockPath, "utf8");
  } catch {
    return {}; // No lock yet: every published file is reported as not locked.
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    report(lockPath, "(root)", `invalid JSON: ${describeSyntaxError(error, raw)}`);
    return {};
  }
  const parsed = LockSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      report(lockPath, formatPath(issue.path), issue.message);
    }
    return {};
  }
  return parsed.data;
}

function createRegistry(
  entries: DefinitionEntry[],
  unlocked: DefinitionRegistry["unlocked"],
): DefinitionRegistry {
  entries.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
  const published = entries.filter((e) => e.definition.status === "published");
  const byKey = new Map(published.map((e) => [`${e.id}@${e.version}`, e]));
  const byId = new Map<string, DefinitionEntry[]>();
  for (const entry of published) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  return {
    get: (id, version) => byKey.get(`${id}@${version}`),
    latest: (id) => byId.get(id)?.at(-1),
    list: () =>
      [...byId].map(([id, versions]) => ({
        id,
        versions: versions.map((e) => e.version),
        latest: versions[versions.length - 1],
      })),
    entries: () => [...entries],
    unlocked,
  };
}

/**
 * Records every published version that is not yet in the lock and returns the keys added.
 * A version that is already locked is never rewritten: loading fails first if its file
 * changed.
 */
export function lockPublishedDefinitions(dir: string): string[] {
  const registry = loadDefinitionRegistry(dir, { write: true });
  if (registry.unlocked.length === 0) return [];
  const lockPath = path.join(dir, LOCK_FILE);
  let lock: Record<string, string> = {};
  try {
    lock = LockSchema.parse(JSON.parse(readFileSync(lockPath, "utf8")));
  } catch {
    // loadDefinitionRegistry has thrown already if the lock exists and is invalid.
  }
  for (const { key, hash } of registry.unlocked) {
    if (lock[key] !== undefined) throw new Error(`${key} is already locked`);
    lock[key] = hash;
  }
  const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => compareKeys(a, b)));
  writeFileSync(lockPath, `${JSON.stringify(sorted, null, 2)}\n`);
  return registry.unlocked.map((u) => u.key);
}

function compareKeys(a: string, b: string): number {
  const [idA, versionA] = a.split("@");
  const [idB, versionB] = b.split("@");
  return idA.localeCompare(idB) || compareVersions(versionA, versionB);
}

let cached: DefinitionRegistry | undefined;

/**
 * The registry of this process, loaded once from `DEFINITIONS_DIR` (default
 * `survey-definitions` in the working directory). Throws a `DefinitionsError` if any file
 * is invalid or does not match the lock.
 */
export function getDefinitionRegistry(): DefinitionRegistry {
  cached ??= loadDefinitionRegistry(env().DEFINITIONS_DIR);
  return cached;
}
