import {
  cpSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  DefinitionsError,
  loadDefinitionRegistry,
  lockPublishedDefinitions,
  LOCK_FILE,
  sha256,
} from "../../app/lib/server/definitions.server";
import { DEFINITIONS_DIR } from "../helpers/definitions";

describe("the repository's lock", () => {
  const registry = loadDefinitionRegistry(DEFINITIONS_DIR);
  const lock = JSON.parse(readFileSync(path.join(DEFINITIONS_DIR, LOCK_FILE), "utf8")) as Record<
    string,
    string
  >;
  const published = registry.entries().filter((e) => e.definition.status === "published");

  test("records every published file, and nothing else", () => {
    expect(Object.keys(lock).sort()).toEqual(published.map((e) => `${e.id}@${e.version}`).sort());
  });

  test.each(published.map((e) => [e.file, e] as const))("%s matches its hash", (_, entry) => {
    const bytes = readFileSync(path.join(DEFINITIONS_DIR, entry.id, `${entry.version}.json`));
    expect(lock[`${entry.id}@${entry.version}`]).toBe(sha256(bytes));
    expect(entry.hash).toBe(sha256(bytes));
    expect(entry.raw).toBe(bytes.toString("utf8"));
  });
});

let temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  temporary = [];
});

/** A copy of survey-definitions in a temporary folder (named survey-definitions too). */
function copyDefinitions(): string {
  const parent = mkdtempSync(path.join(tmpdir(), "mognad-definitions-"));
  temporary.push(parent);
  const dir = path.join(parent, "survey-definitions");
  cpSync(DEFINITIONS_DIR, dir, { recursive: true });
  return dir;
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof DefinitionsError) {
      expect(error.message).toBe(error.lines.join("\n"));
      return error.lines;
    }
    throw error;
  }
  return [];
}

const readLock = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8")) as Record<string, string>;

/** DMA 1.1.0 republished under another version, optionally with a change. */
function addVersion(
  dir: string,
  version: string,
  change: (json: Record<string, unknown>) => void = () => {},
) {
  const json = JSON.parse(readFileSync(path.join(dir, "dma-sme", "1.1.0.json"), "utf8")) as Record<
    string,
    unknown
  >;
  json.version = version;
  change(json);
  writeFileSync(path.join(dir, "dma-sme", `${version}.json`), `${JSON.stringify(json, null, 2)}\n`);
}

describe("loadDefinitionRegistry", () => {
  test("serves published versions by id and version, and the latest", () => {
    const registry = loadDefinitionRegistry(copyDefinitions());
    expect(registry.get("dma-sme", "1.0.0")?.definition.version).toBe("1.0.0");
    expect(registry.get("dma-sme", "9.9.9")).toBeUndefined();
    expect(registry.latest("dma-sme")?.version).toBe("1.1.0");
    expect(registry.latest("nope")).toBeUndefined();
    const dma = registry.list().find((d) => d.id === "dma-sme");
    expect(dma?.versions).toEqual(["1.0.0", "1.1.0"]);
    expect(dma?.latest.version).toBe("1.1.0");
  });

  test("detects a published file that was changed", () => {
    const dir = copyDefinitions();
    const file = path.join(dir, "dma-sme", "1.0.0.json");
    writeFileSync(file, readFileSync(file, "utf8").replace("Inget av detta", "Ingenting"));
    expect(problemsOf(() => loadDefinitionRegistry(dir))).toEqual([
      expect.stringMatching(
        /^survey-definitions\/dma-sme\/1\.0\.0\.json: \(root\): changed after it was published \(sha256 [0-9a-f]{64}, locked [0-9a-f]{64}\); publish the change as a new version$/,
      ),
    ]);
  });

  test("detects a change that only touches whitespace", () => {
    const dir = copyDefinitions();
    const file = path.join(dir, "dma-sme", "1.1.0.json");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n`);
    expect(problemsOf(() => loadDefinitionRegistry(dir))).toEqual([
      expect.stringContaining("survey-definitions/dma-sme/1.1.0.json: (root): changed after"),
    ]);
  });

  test("detects a locked version whose file is missing", () => {
    const dir = copyDefinitions();
    unlinkSync(path.join(dir, "dma-sme", "1.0.0.json"));
    expect(problemsOf(() => loadDefinitionRegistry(dir))).toEqual([
      'survey-definitions/definitions.lock.json: ["dma-sme@1.0.0"]: the locked version has no file',
    ]);
  });

  test("detects a locked version that was renamed", () => {
    const dir = copyDefinitions();
    renameSync(path.join(dir, "dma-sme", "1.1.0.json"), path.join(dir, "dma-sme", "1.1.1.json"));
    expect(problemsOf(() => loadDefinitionRegistry(dir))).toEqual([
      'survey-definitions/dma-sme/1.1.1.json: version: "1.1.0" does not match the file name "1.1.1.json"',
      'survey-definitions/definitions.lock.json: ["dma-sme@1.1.0"]: the locked version has no file',
    ]);
  });

  test("rejects a published version that is not in the lock, unless writing", () => {
    const dir = copyDefinitions();
    addVersion(dir, "1.2.0");
    expect(problemsOf(() => loadDefinitionRegistry(dir))).toEqual([
      "survey-definitions/dma-sme/1.2.0.json: (root): published but not in definitions.lock.json; run npm run definitions:check -- --write",
    ]);
    const registry = loadDefinitionRegistry(dir, { write: true });
    expect(registry.unlocked.map((u) => u.key)).toEqual(["dma-sme@1.2.0"]);
  });

  test("loads drafts without locking or offering them", () => {
    const dir = copyDefinitions();
    addVersion(dir, "2.0.0", (json) => (json.status = "draft"));
    const registry = loadDefinitionRegistry(dir);
    expect(registry.latest("dma-sme")?.version).toBe("1.1.0");
    expect(registry.get("dma-sme", "2.0.0")).toBeUndefined();
    expect(
      registry
        .entries()
        .filter((e) => e.id === "dma-sme")
        .map((e) => e.version),
    ).toEqual(["1.0.0", "1.1.0", "2.0.0"]);
  });

  test("rejects a locked version turned back into a draft", () => {
    const dir = copyDefinitions();
    addVersion(dir, "1.2.0");
    lockPublishedDefinitions(dir);
    addVersion(dir, "1.2.0", (json) => (json.status = "draft"));
    expect(problemsOf(() => loadDefinitionRegistry(dir))).toEqual([
      expect.stringContaining("survey-definitions/dma-sme/1.2.0.json: (root): changed after"),
      "survey-definitions/dma-sme/1.2.0.json: status: dma-sme@1.2.0 is locked as published; it cannot go back to draft",
    ]);
  });

  test("reports invalid JSON with the file, line and column", () => {
    const dir = copyDefinitions();
    addVersion(dir, "3.0.0", (json) => (json.status = "draft"));
    const file = path.join(dir, "dma-sme", "3.0.0.json");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace('"status": "draft",', '"status": "draft"'),
    );
    expect(problemsOf(() => loadDefinitionRegistry(dir))).toEqual([
      expect.stringMatching(
        /^survey-definitions\/dma-sme\/3\.0\.0\.json: \(root\): invalid JSON: .*line 5 column 3/,
      ),
    ]);
  });

  test("reports every invalid definition, each problem on its own line", () => {
    const dir = copyDefinitions();
    addVersion(dir, "4.0.0", (json) => {
      json.status = "draft";
      json.id = "dma";
      (json.bands as { min: number }[])[1].min = 30;
    });
    writeFileSync(path.join(dir, "dma-sme", "notes.json"), "{}");
    expect(problemsOf(() => loadDefinitionRegistry(dir))).toEqual([
      'survey-definitions/dma-sme/4.0.0.json: id: "dma" does not match the folder name "dma-sme"',
      "survey-definitions/dma-sme/4.0.0.json: bands[1].min: leaves a gap: 25–30 is in no band",
      "survey-definitions/dma-sme/notes.json: (root): the file name must be <major.minor.patch>.json",
    ]);
  });
});

describe("lockPublishedDefinitions", () => {
  test("records newly published versions and keeps the locked ones", () => {
    const dir = copyDefinitions();
    const before = readLock(dir);
    addVersion(dir, "1.2.0");
    expect(lockPublishedDefinitions(dir)).toEqual(["dma-sme@1.2.0"]);
    const after = readLock(dir);
    expect(after).toEqual({
      ...before,
      "dma-sme@1.2.0": sha256(readFileSync(path.join(dir, "dma-sme", "1.2.0.json"))),
    });
    expect(lockPublishedDefinitions(dir)).toEqual([]);
    expect(() => loadDefinitionRegistry(dir)).not.toThrow();
  });

  test("refuses to overwrite the hash of a locked version", () => {
    const dir = copyDefinitions();
    const before = readFileSync(path.join(dir, LOCK_FILE), "utf8");
    const file = path.join(dir, "dma-sme", "1.0.0.json");
    writeFileSync(file, readFileSync(file, "utf8").replace("Basic", "Beginner"));
    expect(problemsOf(() => lockPublishedDefinitions(dir))).toEqual([
      expect.stringContaining("survey-definitions/dma-sme/1.0.0.json: (root): changed after"),
    ]);
    expect(readFileSync(path.join(dir, LOCK_FILE), "utf8")).toBe(before);
  });
});
