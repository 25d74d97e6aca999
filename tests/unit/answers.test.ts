import { Model, QuestionMatrixDropdownModel, type QuestionCheckboxModel } from "survey-core";
import { describe, expect, test } from "vitest";
import {
  answersToSurveyData,
  surveyDataToAnswers,
  validateAnswers,
  type Answers,
} from "../../app/lib/core/answers";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { loadDefinition } from "../helpers/definitions";
import { randomAnswers, createRandom } from "../helpers/random-answers";

const dma = loadDefinition("dma-sme", "1.0.0");
const dma11 = loadDefinition("dma-sme", "1.1.0");

const rows = <T extends number | string>(n: number, value: T): Record<string, T> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), value]));

/** A complete, valid DMA 1.0.0 response. */
const complete: Answers = {
  q1: { "1": { invested: true, planned: false }, "4": { planned: true } },
  q2: [1, 2],
  q3: [],
  q4: rows(7, 3),
  q5: [7],
  q6: [1, 8],
  q7: [2],
  q8: [1, 2, 3, 4, 5, 6],
  q9: rows(5, 0),
  q10: [10],
  q11: rows(5, "partially"),
};

const without = (name: string): Answers =>
  Object.fromEntries(Object.entries(complete).filter(([key]) => key !== name));

describe("validateAnswers accepts", () => {
  test.each<[string, unknown, boolean]>([
    ["a complete response", complete, true],
    ["an empty autosave", {}, false],
    ["one answer while in progress", { q4: { "2": 5 } }, false],
    ["part of a rating grid while in progress", { q9: { "1": 0, "5": 5 } }, false],
    ["'none of these' as []", { q2: [] }, false],
    ["the exclusive item alone", { q7: [2] }, false],
    ["a boolean-grid with no rows (nothing ticked)", { ...complete, q1: {} }, true],
    ["explicit false cells", { q1: { "3": { invested: false, planned: false } } }, false],
  ])("%s", (_, input, isComplete) => {
    expect(validateAnswers(dma, input, { complete: isComplete })).toEqual({
      ok: true,
      value: input,
    });
  });

  test("an optional comment, and no comment, in 1.1.0", () => {
    const comment = { ...complete, challenge: "Vi behöver ett nytt affärssystem." };
    expect(validateAnswers(dma11, comment, { complete: true }).ok).toBe(true);
    expect(validateAnswers(dma11, complete, { complete: true }).ok).toBe(true);
    expect(validateAnswers(dma11, { challenge: "x".repeat(5000) }, { complete: false }).ok).toBe(
      true,
    );
  });
});

describe("validateAnswers rejects", () => {
  test.each<[string, unknown, { complete: boolean }, { path: string; message: RegExp }[]]>([
    ["a non-object", [], { complete: false }, [{ path: "(root)", message: /object/ }]],
    [
      "an unknown question",
      { q12: [1] },
      { complete: false },
      [{ path: "q12", message: /no such/ }],
    ],
    [
      "a checkbox answer that is not a list",
      { q2: 3 },
      { complete: false },
      [{ path: "q2", message: /list/ }],
    ],
    [
      "item 0",
      { q2: [0] },
      { complete: false },
      [{ path: "q2[0]", message: /not an item \(1–10\)/ }],
    ],
    [
      "item 11 of 10",
      { q3: [1, 11] },
      { complete: false },
      [{ path: "q3[1]", message: /11 is not an item/ }],
    ],
    [
      "an item as a string",
      { q5: ["3"] },
      { complete: false },
      [{ path: "q5[0]", message: /"3" is not/ }],
    ],
    [
      "a fractional item",
      { q5: [1.5] },
      { complete: false },
      [{ path: "q5[0]", message: /not an item/ }],
    ],
    [
      "SurveyJS's none value",
      { q6: ["none"] },
      { complete: false },
      [{ path: "q6[0]", message: /not an item/ }],
    ],
    [
      "an item selected twice",
      { q8: [1, 2, 1] },
      { complete: false },
      [{ path: "q8[2]", message: /twice/ }],
    ],
    [
      "the exclusive item with another",
      { q7: [1, 2] },
      { complete: false },
      [{ path: "q7", message: /item 2 excludes every other item/ }],
    ],
    [
      "an unknown boolean-grid row",
      { q1: { "11": { invested: true } } },
      { complete: false },
      [{ path: 'q1["11"]', message: /no such row/ }],
    ],
    [
      "an unknown boolean-grid column",
      { q1: { "1": { budgeted: true } } },
      { complete: false },
      [{ path: 'q1["1"].budgeted', message: /no such column/ }],
    ],
    [
      "a boolean-grid cell that is not a boolean",
      { q1: { "1": { invested: "yes" } } },
      { complete: false },
      [{ path: 'q1["1"].invested', message: /true or false/ }],
    ],
    [
      "a boolean-grid row that is not an object",
      { q1: { "2": true } },
      { complete: false },
      [{ path: 'q1["2"]', message: /object/ }],
    ],
    [
      "a rating of 6",
      { q4: { "1": 6 } },
      { complete: false },
      [{ path: 'q4["1"]', message: /from 0 to 5/ }],
    ],
    [
      "a rating of 2.5",
      { q9: { "1": 2.5 } },
      { complete: false },
      [{ path: 'q9["1"]', message: /whole number/ }],
    ],
    [
      "a rating as text",
      { q9: { "1": "3" } },
      { complete: false },
      [{ path: 'q9["1"]', message: /whole number/ }],
    ],
    [
      "an unknown rating row",
      { q4: { "8": 1 } },
      { complete: false },
      [{ path: 'q4["8"]', message: /no such row/ }],
    ],
    [
      "a grid as a list",
      { q4: [1, 2] },
      { complete: false },
      [{ path: "q4", message: /row → answer/ }],
    ],
    [
      "an unknown value",
      { q11: { "1": "maybe" } },
      { complete: false },
      [{ path: 'q11["1"]', message: /one of no, partially, yes/ }],
    ],
    ["null", { q11: null }, { complete: false }, [{ path: "q11", message: /row → answer/ }]],
    [
      "a missing scored question when complete",
      without("q5"),
      { complete: true },
      [{ path: "q5", message: /not answered/ }],
    ],
    [
      "a missing rating row when complete",
      { ...complete, q4: { ...rows(7, 1), "3": undefined } },
      { complete: true },
      [{ path: 'q4["3"]', message: /whole number/ }],
    ],
    [
      "missing rating rows when complete",
      { ...complete, q4: { "1": 1 } },
      { complete: true },
      [2, 3, 4, 5, 6, 7].map((row) => ({ path: `q4["${row}"]`, message: /not answered/ })),
    ],
    [
      "a missing value-grid row when complete",
      { ...complete, q11: { "1": "no", "2": "no", "3": "no", "4": "no" } },
      { complete: true },
      [{ path: 'q11["5"]', message: /not answered/ }],
    ],
    [
      "a comment that is too long",
      { challenge: "x".repeat(5001) },
      { complete: false },
      [{ path: "challenge", message: /at most 5000/ }],
    ],
    [
      "a comment that is not text",
      { challenge: 42 },
      { complete: false },
      [{ path: "challenge", message: /text/ }],
    ],
  ])("%s", (_, input, options, expected) => {
    const definition = JSON.stringify(input).includes("challenge") ? dma11 : dma;
    const result = validateAnswers(definition, input, options);
    expect(result.ok ? [] : result.problems).toEqual(
      expected.map(({ path, message }) => ({ path, message: expect.stringMatching(message) })),
    );
  });

  test("a comment in 1.0.0, which has no comment question", () => {
    const result = validateAnswers(dma, { challenge: "x" }, { complete: false });
    expect(result.ok ? [] : result.problems).toEqual([
      { path: "challenge", message: "no such question" },
    ]);
  });

  test("with every problem listed, not only the first", () => {
    const result = validateAnswers(
      dma,
      { q1: { "1": { invested: 1 } }, q2: [11, 11], q7: [2, 3], q9: { "1": 9 }, extra: "" },
      { complete: true },
    );
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'q1["1"].invested',
      "q2[0]",
      "q2[1]",
      "q7",
      'q9["1"]',
      'q9["2"]',
      'q9["3"]',
      'q9["4"]',
      'q9["5"]',
      "extra",
      "q3",
      "q4",
      "q5",
      "q6",
      "q8",
      "q10",
      "q11",
    ]);
  });
});

describe("the SurveyJS boundary", () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["'none of these' is stored as []", { q2: ["none"] }, { q2: [] }],
    ["selected items are kept", { q3: [1, 4, 10] }, { q3: [1, 4, 10] }],
    ["the exclusive item is kept", { q7: [2] }, { q7: [2] }],
    [
      "'none' with an item is left for validation to reject",
      { q2: ["none", 3] },
      { q2: ["none", 3] },
    ],
    [
      "untouched boolean cells and empty rows are dropped",
      { q1: { "1": { invested: true, planned: undefined }, "2": {}, "3": { planned: false } } },
      { q1: { "1": { invested: true }, "3": { planned: false } } },
    ],
    ["cleared questions are dropped", { q5: undefined, q6: null, q8: [1] }, { q8: [1] }],
    [
      "grids pass through",
      { q4: { "1": 0, "2": 5 }, q11: { "1": "yes" } },
      { q4: { "1": 0, "2": 5 }, q11: { "1": "yes" } },
    ],
    ["unknown questions pass through", { "q2-Comment": "x" }, { "q2-Comment": "x" }],
  ])("%s", (_, data, answers) => {
    expect(surveyDataToAnswers(dma, data)).toEqual(answers);
  });

  test.each<[string, Answers, Record<string, unknown>]>([
    ["[] becomes SurveyJS's none", { q2: [], q3: [1] }, { q2: ["none"], q3: [1] }],
    ["a comment is unchanged", { challenge: "" }, { challenge: "" }],
    [
      "grids are unchanged",
      { q1: { "1": { invested: true } } },
      { q1: { "1": { invested: true } } },
    ],
  ])("%s", (_, stored, data) => {
    expect(answersToSurveyData(dma11, stored)).toEqual(data);
  });

  const random = createRandom(7);
  const samples = Array.from({ length: 50 }, (_, i) => [i, randomAnswers(dma11, random)] as const);

  test.each(samples)("stored answers survive the round trip (sample %i)", (_, answers) => {
    expect(validateAnswers(dma11, answers, { complete: true }).ok).toBe(true);
    expect(surveyDataToAnswers(dma11, answersToSurveyData(dma11, answers))).toEqual(answers);
  });

  test.each(samples.slice(0, 10))("SurveyJS accepts and returns them (sample %i)", (_, answers) => {
    const survey = new Model(dma11.survey);
    survey.data = answersToSurveyData(dma11, answers);
    // SurveyJS fills untouched boolean cells with their default (false) as it builds rows.
    for (const question of survey.getAllQuestions()) {
      if (question instanceof QuestionMatrixDropdownModel) void question.visibleRows;
    }
    expect(survey.pages.map((page) => page.hasErrors(false, false))).not.toContain(true);
    const back = surveyDataToAnswers(dma11, survey.data);
    expect(scoreAnswers(dma11, back)).toEqual(scoreAnswers(dma11, answers));
  });

  test("SurveyJS's none item and exclusive item end up as the stored shape", () => {
    const survey = new Model(dma.survey);
    const q2 = survey.getQuestionByName("q2") as QuestionCheckboxModel;
    q2.clickItemHandler(q2.choices[0], true);
    q2.clickItemHandler(q2.noneItem, true);
    const q7 = survey.getQuestionByName("q7") as QuestionCheckboxModel;
    q7.clickItemHandler(q7.choices[0], true);
    q7.clickItemHandler(q7.choices[1], true);
    expect(surveyDataToAnswers(dma, survey.data)).toEqual({ q2: [], q7: [2] });
  });

  test("SurveyJS requires what complete answers require", () => {
    const survey = new Model(dma.survey);
    survey.data = answersToSurveyData(dma, { ...complete, q4: { "1": 1 } });
    expect(survey.getPageByName("readiness").hasErrors(false, false)).toBe(true);
    survey.data = answersToSurveyData(dma, without("q8"));
    expect(survey.getPageByName("data").hasErrors(false, false)).toBe(true);
    survey.data = answersToSurveyData(dma, complete);
    expect(survey.getPageByName("data").hasErrors(false, false)).toBe(false);
  });
});
