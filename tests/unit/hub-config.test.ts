import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadHubConfig } from "../../app/lib/server/hub.server";
import { startupErrorLine } from "../../app/lib/server/startup-error.server";

const shipped = JSON.parse(readFileSync("db/hub/hub.json", "utf8")) as Record<string, unknown>;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function hubDir(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "mognad-hub-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "hub.json"), content);
  return dir;
}

describe("the hub file", () => {
  test("the shipped file is DigIT Hub Sweden's, with its partners and counties", () => {
    const hub = loadHubConfig("db/hub");
    expect(hub.name.en).toBe("DigIT Hub Sweden");
    expect(hub.regions).toEqual(["skane", "blekinge", "kronoberg"]);
    const names = hub.partners.map((p) => p.name);
    for (const partner of ["Techtank", "IUC Syd", "Linnéuniversitetet", "Malmö universitet"]) {
      expect(names).toContain(partner);
    }
    expect(names.some((n) => n.startsWith("RISE"))).toBe(true);
    expect(names).toContain("Blue Science Park");
  });

  test.each([
    ["a missing name", { name: undefined }, "name: Required"],
    ["an unknown region", { regions: ["skane", "atlantis"] }, "regions.1: Invalid enum value"],
    [
      "a partner without a name",
      { partners: [{ id: "techtank", name: "Techtank" }, { id: "rise" }] },
      "partners.1.name: Required",
    ],
    [
      "a duplicate partner id",
      {
        partners: [
          { id: "rise", name: "RISE" },
          { id: "rise", name: "RISE again" },
        ],
      },
      'partners.1.id: duplicate partner id "rise"',
    ],
    [
      "a bad privacy email",
      { privacy: { name: { sv: "a", en: "b" }, email: "nope" } },
      "privacy.email: Invalid email",
    ],
    ["an unknown field", { colour: "blue" }, "(file): Unrecognized key(s) in object: 'colour'"],
    [
      "an unknown role needing a second factor",
      { staff: { secondFactorRequiredFor: ["admin"] } },
      "staff.secondFactorRequiredFor.0: Invalid enum value",
    ],
  ])("%s stops start-up with one line naming the file and the field", (_label, change, message) => {
    const dir = hubDir(JSON.stringify({ ...shipped, ...change }));
    let error: unknown;
    try {
      loadHubConfig(dir);
    } catch (e) {
      error = e;
    }
    const line = startupErrorLine(error);
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toContain(`Mognad cannot start: ${path.join(dir, "hub.json")}: `);
    expect(line).toContain(message);
  });

  test("a file that is not JSON is named in one line", () => {
    const dir = hubDir("{ not json");
    expect(() => loadHubConfig(dir)).toThrow(/hub\.json: cannot be read as JSON/);
  });

  test("a second hub is a second folder", () => {
    const dir = hubDir(
      JSON.stringify({
        ...shipped,
        id: "edih-example",
        name: { sv: "Exempelhubben", en: "The Example Hub" },
        partners: [{ id: "one", name: "One" }],
      }),
    );
    expect(loadHubConfig(dir).name.en).toBe("The Example Hub");
  });
});
