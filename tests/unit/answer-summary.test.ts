import { describe, expect, test } from "vitest";
import { summariseAnswers } from "../../app/lib/view/answer-summary";
import { loadDefinition } from "../helpers/definitions";

const dma = loadDefinition("dma-sme", "1.0.0");
const labels = { noneSelected: "NONE", notAnswered: "—" };

describe("summariseAnswers", () => {
  const sections = summariseAnswers(
    dma,
    { q1: { "1": { invested: true, planned: false } }, q2: [], q3: [2], q4: { "1": 5 } },
    "en",
    labels,
  );
  const question = (name: string) =>
    sections.flatMap((s) => s.questions).find((q) => q.name === name);

  test("gives one section per page, each titled", () => {
    expect(sections).toHaveLength(6);
    for (const section of sections) expect(section.title).not.toBe("");
  });

  test.each([
    ["q1", (lines: string[]) => lines.length === 1 && /Product/.test(lines[0])],
    ["q2", (lines: string[]) => lines[0] === "NONE"],
    ["q3", (lines: string[]) => lines.length === 1 && /Website/i.test(lines[0])],
    [
      "q4",
      (lines: string[]) =>
        lines.length === 7 && /Operational/i.test(lines[0]) && lines[1].endsWith("—"),
    ],
    ["q5", (lines: string[]) => lines[0] === "—"],
  ])("reads back %s", (name, check) => {
    const lines = question(name)?.lines ?? [];
    expect(check(lines), lines.join(" | ")).toBe(true);
  });

  test("speaks Swedish", () => {
    const sv = summariseAnswers(dma, { q3: [2] }, "sv", labels);
    const q3 = sv.flatMap((s) => s.questions).find((q) => q.name === "q3");
    expect(q3?.lines[0]).toMatch(/webb/i);
  });
});
