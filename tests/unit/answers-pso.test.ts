import { Model, QuestionMatrixDropdownModel } from "survey-core";
import { describe, expect, test } from "vitest";
import {
  answersToSurveyData,
  surveyDataToAnswers,
  validateAnswers,
  type Answers,
} from "../../app/lib/core/answers";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";

const pso = loadDefinition("dma-pso", "1.0.0");
const sme = loadDefinition("dma-sme", "1.1.0");

const rows = <T extends number | string>(n: number, value: T): Record<string, T> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), value]));

/** A complete, valid PSO response (the stored shape of docs/definition-format.md). */
const complete: Answers = {
  q1: [1, 10],
  q2: { "1": { invested: true, planned: true }, "8": { planned: true } },
  q3: [],
  q4: rows(8, 2),
  q5: [7],
  q6: [9, 10],
  q7: [2, 9],
  q8: [1, 2, 3, 4, 5, 6],
  q9: { "16": { implemented: true, planned: false } },
  q10: [9],
  q11: rows(5, "yes"),
};

/** A complete, valid dma-sme response: the same question names, other shapes. */
const smeResponse: Answers = {
  q1: { "1": { invested: true, planned: false }, "4": { planned: true } },
  q2: [1, 2],
  q3: [10],
  q4: rows(7, 3),
  q5: [7],
  q6: [1, 8],
  q7: [2],
  q8: [1, 2, 3, 4, 5, 6],
  q9: rows(5, 0),
  q10: [10],
  q11: rows(5, "partially"),
};

describe("validateAnswers on dma-pso accepts", () => {
  test.each<[string, unknown, boolean]>([
    ["a complete response", complete, true],
    ["with the optional comment", { ...complete, challenge: "Samverkan med regionen" }, true],
    ["nothing ticked in either tick grid", { ...complete, q2: {}, q9: {} }, true],
    ["item 2 of q7 with others (it is not exclusive)", { q7: [1, 2, 3] }, false],
    ["the last item of each list", { q1: [10], q3: [9], q6: [10], q7: [9], q10: [9] }, false],
    ["rows 8 of q4 and 16 of q9", { q4: { "8": 5 }, q9: { "16": { planned: true } } }, false],
  ])("%s", (_, input, isComplete) => {
    expect(validateAnswers(pso, input, { complete: isComplete })).toEqual({
      ok: true,
      value: input,
    });
  });
});

describe("validateAnswers on dma-pso rejects", () => {
  test.each<[string, unknown, { complete: boolean }, { path: string; message: RegExp }[]]>([
    [
      "an unknown question",
      { q12: [1] },
      { complete: false },
      [{ path: "q12", message: /no such/ }],
    ],
    [
      "a checkbox answer that is not a list",
      { q1: { "1": true } },
      { complete: false },
      [{ path: "q1", message: /list of item numbers \(1–10\)/ }],
    ],
    [
      "item 10 of q3, which has 9",
      { q3: [1, 10] },
      { complete: false },
      [{ path: "q3[1]", message: /10 is not an item \(1–9\)/ }],
    ],
    [
      "item 7 of q8, which has 6",
      { q8: [7] },
      { complete: false },
      [{ path: "q8[0]", message: /not an item \(1–6\)/ }],
    ],
    [
      "item 11 of q6, which has 10",
      { q6: [11] },
      { complete: false },
      [{ path: "q6[0]", message: /not an item \(1–10\)/ }],
    ],
    [
      "an item as text",
      { q10: ["2"] },
      { complete: false },
      [{ path: "q10[0]", message: /"2" is not an item/ }],
    ],
    [
      "an item ticked twice",
      { q5: [3, 3] },
      { complete: false },
      [{ path: "q5[1]", message: /twice/ }],
    ],
    [
      "the investment grid as a list",
      { q2: [1, 2] },
      { complete: false },
      [{ path: "q2", message: /row → answer/ }],
    ],
    [
      "investment grid row 9 of 8",
      { q2: { "9": { invested: true } } },
      { complete: false },
      [{ path: 'q2["9"]', message: /no such row/ }],
    ],
    [
      "the interoperability grid's column in the investment grid",
      { q2: { "1": { implemented: true } } },
      { complete: false },
      [{ path: 'q2["1"].implemented', message: /no such column/ }],
    ],
    [
      "the investment grid's column in the interoperability grid",
      { q9: { "1": { invested: true } } },
      { complete: false },
      [{ path: 'q9["1"].invested', message: /no such column/ }],
    ],
    [
      "interoperability grid row 17 of 16",
      { q9: { "17": { planned: true } } },
      { complete: false },
      [{ path: 'q9["17"]', message: /no such row/ }],
    ],
    [
      "a tick that is not a boolean",
      { q9: { "3": { implemented: "yes" } } },
      { complete: false },
      [{ path: 'q9["3"].implemented', message: /true or false/ }],
    ],
    [
      "a 0–5 rating in the tick grid",
      { q9: { "3": 4 } },
      { complete: false },
      [{ path: 'q9["3"]', message: /column → true\/false/ }],
    ],
    [
      "a rating of 6",
      { q4: { "1": 6 } },
      { complete: false },
      [{ path: 'q4["1"]', message: /from 0 to 5/ }],
    ],
    [
      "a rating of -1",
      { q4: { "2": -1 } },
      { complete: false },
      [{ path: 'q4["2"]', message: /from 0 to 5/ }],
    ],
    [
      "a rating as text",
      { q4: { "3": "3" } },
      { complete: false },
      [{ path: 'q4["3"]', message: /whole number/ }],
    ],
    [
      "rating row 9 of 8",
      { q4: { "9": 1 } },
      { complete: false },
      [{ path: 'q4["9"]', message: /no such row/ }],
    ],
    [
      "an unknown value",
      { q11: { "1": "sometimes" } },
      { complete: false },
      [{ path: 'q11["1"]', message: /one of no, partially, yes/ }],
    ],
    [
      "value row 6 of 5",
      { q11: { "6": "no" } },
      { complete: false },
      [{ path: 'q11["6"]', message: /no such row/ }],
    ],
    [
      "a missing question when complete",
      Object.fromEntries(Object.entries(complete).filter(([name]) => name !== "q9")),
      { complete: true },
      [{ path: "q9", message: /not answered/ }],
    ],
    [
      "a missing rating row when complete",
      { ...complete, q4: rows(7, 2) },
      { complete: true },
      [{ path: 'q4["8"]', message: /not answered/ }],
    ],
    [
      "a missing value row when complete",
      { ...complete, q11: rows(4, "no") },
      { complete: true },
      [{ path: 'q11["5"]', message: /not answered/ }],
    ],
  ])("%s", (_, input, options, expected) => {
    const result = validateAnswers(pso, input, options);
    expect(result.ok ? [] : result.problems).toEqual(
      expected.map(({ path, message }) => ({ path, message: expect.stringMatching(message) })),
    );
    if (options.complete) expect(scoreAnswers(pso, input)).not.toHaveProperty("value");
  });
});

// Both forms number their questions q1..q11, so a response to one form has no question
// the other lacks: it is rejected because its answers do not fit, question by question.
describe("a response to one form sent to the other", () => {
  test("a dma-sme response is rejected by dma-pso, naming every answer that does not fit", () => {
    expect(validateAnswers(sme, smeResponse, { complete: true }).ok).toBe(true);
    const result = scoreAnswers(pso, smeResponse);
    expect(result).not.toHaveProperty("value");
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'q1: must be a list of item numbers (1–10); [] is "none"',
      "q2: must be an object of row → answer",
      "q3[0]: 10 is not an item (1–9)",
      'q4["8"]: not answered',
      'q9["1"]: must be an object of column → true/false',
      'q9["2"]: must be an object of column → true/false',
      'q9["3"]: must be an object of column → true/false',
      'q9["4"]: must be an object of column → true/false',
      'q9["5"]: must be an object of column → true/false',
      "q10[0]: 10 is not an item (1–9)",
    ]);
  });

  test("a dma-pso response is rejected by dma-sme, naming every answer that does not fit", () => {
    const result = scoreAnswers(sme, complete);
    expect(result).not.toHaveProperty("value");
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "q1: must be an object of row → answer",
      'q2: must be a list of item numbers (1–10); [] is "none"',
      'q4["8"]: no such row',
      "q6[0]: 9 is not an item (1–8)",
      "q6[1]: 10 is not an item (1–8)",
      "q7[1]: 9 is not an item (1–8)",
      "q7: item 2 excludes every other item",
      'q9["16"]: no such row',
      'q9["1"]: not answered',
      'q9["2"]: not answered',
      'q9["3"]: not answered',
      'q9["4"]: not answered',
      'q9["5"]: not answered',
    ]);
  });

  test.each([
    ["dma-sme", sme, pso],
    ["dma-pso", pso, sme],
  ])("no random %s response is accepted by the other form", (_, from, to) => {
    const random = createRandom(13);
    for (let i = 0; i < 100; i++) {
      expect(scoreAnswers(to, randomAnswers(from, random)).ok).toBe(false);
    }
  });
});

describe("dma-pso at the SurveyJS boundary", () => {
  const random = createRandom(11);
  const samples = Array.from({ length: 20 }, (_, i) => [i, randomAnswers(pso, random)] as const);

  test.each(samples)("stored answers survive the round trip (sample %i)", (_, answers) => {
    expect(validateAnswers(pso, answers, { complete: true }).ok).toBe(true);
    expect(surveyDataToAnswers(pso, answersToSurveyData(pso, answers))).toEqual(answers);
  });

  test.each(samples.slice(0, 5))("SurveyJS accepts and returns them (sample %i)", (_, answers) => {
    const survey = new Model(pso.survey);
    survey.data = answersToSurveyData(pso, answers);
    // SurveyJS fills untouched boolean cells with their default (false) as it builds rows.
    for (const question of survey.getAllQuestions()) {
      if (question instanceof QuestionMatrixDropdownModel) void question.visibleRows;
    }
    expect(survey.pages.map((page) => page.hasErrors(false, false))).not.toContain(true);
    const back = surveyDataToAnswers(pso, survey.data);
    expect(scoreAnswers(pso, back)).toEqual(scoreAnswers(pso, answers));
  });

  test("an untouched questionnaire fails only where a row or an item must be chosen", () => {
    const survey = new Model(pso.survey);
    for (const question of survey.getAllQuestions()) {
      if (question instanceof QuestionMatrixDropdownModel) void question.visibleRows;
    }
    const failing = survey
      .getAllQuestions()
      .filter((question) => question.hasErrors(false))
      .map((question) => question.name);
    // The tick grids default to all false, a valid answer; everything else needs a choice.
    expect(failing).toEqual(["q1", "q3", "q4", "q5", "q6", "q7", "q8", "q10", "q11"]);
  });
});
