import { readdirSync } from "node:fs";
import {
  Model,
  type QuestionCheckboxModel,
  type QuestionMatrixDropdownModel,
  type QuestionMatrixModel,
} from "survey-core";
import { describe, expect, test } from "vitest";
import {
  compareVersions,
  findQuestion,
  majorOf,
  parseDefinition,
  questionIndex,
  type Problem,
  type SurveyDefinition,
} from "../../app/lib/core/definitions";
import { DEFINITIONS_DIR, loadDefinition, readDefinitionJson } from "../helpers/definitions";

const definitionFiles = readdirSync(DEFINITIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(`${DEFINITIONS_DIR}/${dir.name}`)
      .filter((name) => name.endsWith(".json"))
      .map((name) => ({ id: dir.name, version: name.replace(/\.json$/, "") })),
  );

test.each(definitionFiles)("survey-definitions/$id/$version.json is valid", ({ id, version }) => {
  const result = parseDefinition(readDefinitionJson(id, version), { id, version });
  expect(result.ok ? [] : result.problems).toEqual([]);
});

describe("the EU DMA questionnaire", () => {
  test.each(["1.0.0", "1.1.0"])("%s has the reference's 11 questions and 86 items", (version) => {
    const definition = loadDefinition("dma-sme", version);
    const { scored } = questionIndex(definition);
    expect(scored.map((q) => q.name)).toEqual(Array.from({ length: 11 }, (_, i) => `q${i + 1}`));
    const items = scored.map((q) => (q.kind === "share-selected" ? q.items : q.rows.length));
    expect(items).toEqual([10, 10, 10, 7, 7, 8, 8, 6, 5, 10, 5]);
    expect(items.reduce((a, b) => a + b)).toBe(86);
    expect(definition.dimensions.map((d) => d.id)).toEqual([
      "strategy",
      "readiness",
      "human",
      "data",
      "automation",
      "green",
    ]);
    expect(definition.bands.map((b) => [b.id, b.min, b.max])).toEqual([
      ["basic", 0, 25],
      ["average", 25, 50],
      ["moderately_advanced", 50, 75],
      ["advanced", 75, 100],
    ]);
  });

  test.each(["1.0.0", "1.1.0"])(
    "%s reads in SurveyJS as intended, in both languages",
    (version) => {
      const survey = new Model(loadDefinition("dma-sme", version).survey);
      expect(survey.pages.slice(0, 6).map((page) => page.name)).toEqual([
        "strategy",
        "readiness",
        "human",
        "data",
        "automation",
        "green",
      ]);
      const q1 = survey.getQuestionByName("q1") as QuestionMatrixDropdownModel;
      const q2 = survey.getQuestionByName("q2") as QuestionCheckboxModel;
      const q4 = survey.getQuestionByName("q4") as QuestionMatrixModel;
      const q7 = survey.getQuestionByName("q7") as QuestionCheckboxModel;
      const q9 = survey.getQuestionByName("q9") as QuestionMatrixModel;
      expect(q4.eachRowRequired && q9.eachRowRequired).toBe(true);
      expect(q7.choices.map((choice) => choice.isExclusive)).toEqual([
        false,
        true,
        false,
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(q1.columns.map((column) => column.cellType)).toEqual(["boolean", "boolean"]);
      const scale = () => q4.columns.map((column) => column.text);
      expect(scale()).toEqual([
        "Not used",
        "Considering",
        "Prototyping",
        "Testing",
        "Implementing",
        "Operational",
      ]);
      expect(q2.noneItem.text).toBe("None of these");
      survey.locale = "sv";
      expect(scale()).toEqual([
        "Används inte",
        "Överväger",
        "Tar fram prototyp",
        "Testar",
        "Inför",
        "I drift",
      ]);
      expect(q2.noneItem.text).toBe("Inget av detta");
      expect(q7.choices[1].text).toBe("Data samlas inte in digitalt");
    },
  );

  test("1.1.0 scores exactly like 1.0.0 and adds only the optional challenge question", () => {
    const v10 = loadDefinition("dma-sme", "1.0.0");
    const v11 = loadDefinition("dma-sme", "1.1.0");
    expect(v11.scoring).toEqual(v10.scoring);
    const names = (definition: SurveyDefinition) => [...questionIndex(definition).byName.keys()];
    expect(names(v11)).toEqual([...names(v10), "challenge"]);
    expect(questionIndex(v11).byName.get("challenge")?.kind).toBe("text");
    expect(JSON.stringify(v11.survey)).toMatch(/"name":"challenge"(?!.*isRequired)/);
  });
});

describe("the EU DMA questionnaire for public sector organisations", () => {
  const pso = loadDefinition("dma-pso", "1.0.0");

  test("1.0.0 has the reference's 11 questions and 97 items in six dimensions", () => {
    const { scored } = questionIndex(pso);
    expect(scored.map((q) => [q.name, pso.dimensions[q.dimension].id])).toEqual([
      ["q1", "strategy"],
      ["q2", "strategy"],
      ["q3", "readiness"],
      ["q4", "readiness"],
      ["q5", "human"],
      ["q6", "human"],
      ["q7", "data"],
      ["q8", "data"],
      ["q9", "interoperability"],
      ["q10", "green"],
      ["q11", "green"],
    ]);
    const items = scored.map((q) => (q.kind === "share-selected" ? q.items : q.rows.length));
    expect(items).toEqual([10, 8, 9, 8, 7, 10, 9, 6, 16, 9, 5]);
    expect(items.reduce((a, b) => a + b)).toBe(97);
    // 60 checkboxes, 48 grid ticks, 8 scale rows and 5 No/Partially/Yes rows.
    const inputs = scored.map((q) =>
      q.kind === "boolean-grid" ? 2 * q.rows.length : items[scored.indexOf(q)],
    );
    expect(inputs.reduce((a, b) => a + b)).toBe(121);
    expect(scored.map((q) => q.kind)).toEqual([
      "share-selected",
      "boolean-grid",
      "share-selected",
      "rating-grid",
      "share-selected",
      "share-selected",
      "share-selected",
      "share-selected",
      "boolean-grid",
      "share-selected",
      "value-grid",
    ]);
    // No PSO question has an exclusive item: q7 item 2 ("does not use paper-based forms")
    // is a positive practice.
    expect(scored.filter((q) => q.kind === "share-selected" && q.exclusive.size > 0)).toEqual([]);
    expect(pso.dimensions.map((d) => d.id)).toEqual([
      "strategy",
      "readiness",
      "human",
      "data",
      "interoperability",
      "green",
    ]);
    const dma = loadDefinition("dma-sme", "1.1.0");
    expect(pso.bands.map((b) => [b.id, b.min, b.max, b.name])).toEqual(
      dma.bands.map((b) => [b.id, b.min, b.max, b.name]),
    );
  });

  test("1.0.0 scores its grids as the reference says, with the SME form's rules", () => {
    const { scoring } = pso;
    const half = { type: "boolean-grid" };
    expect(scoring.questions.q2.rule).toEqual({
      ...half,
      columns: { invested: 0.5, planned: 0.5 },
    });
    expect(scoring.questions.q9.rule).toEqual({
      ...half,
      columns: { implemented: 0.5, planned: 0.5 },
    });
    expect(scoring.questions.q4.rule).toEqual({ type: "rating-grid", min: 0, max: 5 });
    expect(scoring.questions.q11.rule).toEqual(
      loadDefinition("dma-sme", "1.1.0").scoring.questions.q11.rule,
    );
    expect(Object.values(scoring.questions).map((q) => q.weight)).toEqual(Array(11).fill(1));
  });

  test("1.0.0 reads in SurveyJS as intended, in both languages", () => {
    const survey = new Model(pso.survey);
    expect(survey.pages.map((page) => page.name)).toEqual([
      "strategy",
      "readiness",
      "human",
      "data",
      "interoperability",
      "green",
      "priorities",
    ]);
    const q1 = survey.getQuestionByName("q1") as QuestionCheckboxModel;
    const q2 = survey.getQuestionByName("q2") as QuestionMatrixDropdownModel;
    const q4 = survey.getQuestionByName("q4") as QuestionMatrixModel;
    const q7 = survey.getQuestionByName("q7") as QuestionCheckboxModel;
    const q9 = survey.getQuestionByName("q9") as QuestionMatrixDropdownModel;
    const q11 = survey.getQuestionByName("q11") as QuestionMatrixModel;
    expect(q4.eachRowRequired && q11.eachRowRequired).toBe(true);
    for (const grid of [q2, q9]) {
      expect(grid.columns.map((column) => column.cellType)).toEqual(["boolean", "boolean"]);
    }
    expect(q7.choices.map((choice) => choice.isExclusive)).toEqual(Array(9).fill(false));
    const english = () => ({
      q2: q2.columns.map((column) => column.title),
      q9: q9.columns.map((column) => column.title),
      scale: q4.columns.map((column) => column.text),
      values: q11.columns.map((column) => column.text),
      none: q1.noneItem.text,
      q7item2: q7.choices[1].text,
      q9row16: q9.rows[15].text,
    });
    expect(english()).toEqual({
      q2: ["Already invested", "(Further) plan to invest"],
      q9: ["Implemented", "(Further) planned"],
      scale: ["Not used", "Considering", "Prototyping", "Testing", "Implementing", "Operational"],
      values: ["No", "Partially", "Yes"],
      none: "None of these",
      q7item2: "The organisation does not use paper-based forms to collect data",
      q9row16:
        "Digital solutions are evaluated against user needs and for a balance of costs and benefits",
    });
    survey.locale = "sv";
    expect(english()).toEqual({
      q2: ["Har redan investerat", "Planerar att investera (mer)"],
      q9: ["Genomfört", "Planerar att genomföra (mer)"],
      scale: ["Används inte", "Överväger", "Tar fram prototyp", "Testar", "Inför", "I drift"],
      values: ["Nej", "Delvis", "Ja"],
      none: "Inget av detta",
      q7item2: "Organisationen använder inte pappersblanketter för att samla in data",
      q9row16:
        "Digitala lösningar utvärderas mot användarnas behov och för en balans mellan kostnader och nytta",
    });
  });

  test("1.0.0 carries the reference's corrections of its source", () => {
    const text = (name: string, item: number) => {
      const question = findQuestion(pso, name);
      const choices = (question?.json.choices ?? question?.json.rows) as {
        text: { default: string };
      }[];
      return choices[item - 1].text.default;
    };
    // q1 item 7 reads "if required", not the source's "if isRequired".
    expect(text("q1", 7)).toMatch(/if digitalisation requires it$/);
    // q6 items 3 and 4 in the German source's order, which is the SME form's.
    expect(text("q6", 3)).toMatch(/^Monitors staff acceptance/);
    expect(text("q6", 4)).toMatch(/^Involves staff/);
    // q2 row 5: "e-invoices", not "elnvoices".
    expect(text("q2", 5)).toMatch(/e-invoices/);
    // q10 item 7: the source's English ("transport costs") is used.
    expect(text("q10", 7)).toBe("Reduced transport costs");
  });
});

type Edit = ["set", string, unknown] | ["delete", string] | ["push", string, unknown];

/** Parses a path as printed by formatPath into its keys. */
function keysOf(path: string): (string | number)[] {
  if (path === "(root)") return [];
  return (path.match(/[^.[\]"]+|\[\d+\]|\["[^"]*"\]/g) ?? []).map((segment) =>
    segment.startsWith("[") ? (JSON.parse(segment.slice(1, -1)) as string | number) : segment,
  );
}

/** Follows a path through a JSON value; undefined where it leads nowhere. */
function resolve(json: unknown, keys: (string | number)[]): unknown {
  return keys.reduce<unknown>(
    (value, key) =>
      typeof value === "object" && value !== null
        ? (value as Record<string | number, unknown>)[key]
        : undefined,
    json,
  );
}

/** A copy of DMA 1.0.0 with one edit. */
function brokenDma([operation, path, value]: Edit): unknown {
  const json = structuredClone(readDefinitionJson("dma-sme", "1.0.0"));
  const keys = keysOf(path);
  const last = keys.pop() as string | number;
  const parent = resolve(json, keys) as Record<string | number, unknown>;
  if (operation === "set") parent[last] = value;
  else if (operation === "delete") delete parent[last];
  else (parent[last] as unknown[]).push(value);
  return json;
}

// Pages of DMA 1.0.0: 0 strategy (q1, q2), 1 readiness (q3, q4), 2 human (q5, q6),
// 3 data (q7, q8), 4 automation (q9), 5 green (q10, q11).
const cases: { name: string; edit: Edit; path: string; message: RegExp }[] = [
  {
    name: "a scoring entry for a missing question",
    edit: ["set", "scoring.questions.q12", { dimension: "data", rule: { type: "share-selected" } }],
    path: "scoring.questions.q12",
    message: /no question named "q12"/,
  },
  {
    name: "an exclusive item that does not exist",
    edit: ["set", "scoring.questions.q7.rule.exclusive", [9]],
    path: "scoring.questions.q7.rule.exclusive[0]",
    message: /item 9 does not exist: "q7" has 8 items/,
  },
  {
    name: "exclusive items that differ from the choices marked isExclusive",
    edit: ["delete", "survey.pages[3].elements[0].choices[1].isExclusive"],
    path: "scoring.questions.q7.rule.exclusive",
    message: /isExclusive/,
  },
  {
    name: "a boolean-grid column missing from the matrixdropdown",
    edit: ["set", "scoring.questions.q1.rule.columns", { invested: 0.5, budgeted: 0.5 }],
    path: "scoring.questions.q1.rule.columns.budgeted",
    message: /no column "budgeted" in "q1"/,
  },
  {
    name: "a matrixdropdown column without a weight",
    edit: [
      "push",
      "survey.pages[0].elements[0].columns",
      {
        name: "budget",
        title: { default: "Budget", sv: "Budget" },
        cellType: "boolean",
      },
    ],
    path: "survey.pages[0].elements[0].columns[2].name",
    message: /no weight/,
  },
  {
    name: "boolean-grid weights that do not sum to 1",
    edit: ["set", "scoring.questions.q1.rule.columns.planned", 0.4],
    path: "scoring.questions.q1.rule.columns",
    message: /sum to 0.9/,
  },
  {
    name: "a boolean-grid over non-boolean cells",
    edit: ["set", "survey.pages[0].elements[0].columns[1].cellType", "dropdown"],
    path: "survey.pages[0].elements[0].columns[1].cellType",
    message: /must be boolean/,
  },
  {
    name: "value-grid keys that are not the matrix column values",
    edit: ["set", "scoring.questions.q11.rule.values", { no: 0, partly: 0.5, yes: 1 }],
    path: "scoring.questions.q11.rule.values",
    message:
      /keys \(no, partly, yes\) must equal the column values of "q11" \(no, partially, yes\)/,
  },
  {
    name: "a rating-grid range that is not the column values",
    edit: ["set", "scoring.questions.q4.rule.max", 4],
    path: "scoring.questions.q4.rule",
    message: /\(0, 1, 2, 3, 4, 5\) must be the integers 0..4/,
  },
  {
    name: "share-selected on a matrix",
    edit: ["set", "scoring.questions.q4.rule", { type: "share-selected" }],
    path: "scoring.questions.q4.rule.type",
    message: /share-selected needs a checkbox question; "q4" is a matrix/,
  },
  {
    name: "boolean-grid on a checkbox",
    edit: ["set", "scoring.questions.q2.rule", { type: "boolean-grid", columns: { a: 1 } }],
    path: "scoring.questions.q2.rule.type",
    message: /needs a matrixdropdown/,
  },
  {
    name: "rating-grid on a matrixdropdown",
    edit: ["set", "scoring.questions.q1.rule", { type: "rating-grid", min: 0, max: 5 }],
    path: "scoring.questions.q1.rule.type",
    message: /needs a matrix question; "q1" is a matrixdropdown/,
  },
  {
    name: "checkbox item values that are not 1..n",
    edit: ["set", "survey.pages[1].elements[0].choices[2].value", 7],
    path: "survey.pages[1].elements[0].choices[2].value",
    message: /must be 3/,
  },
  {
    name: 'grid rows that are not "1".."n"',
    edit: ["set", "survey.pages[5].elements[1].rows[4].value", "five"],
    path: "survey.pages[5].elements[1].rows[4].value",
    message: /must be "5"/,
  },
  {
    name: "a scored checkbox without a none item",
    edit: ["delete", "survey.pages[2].elements[1].showNoneItem"],
    path: "survey.pages[2].elements[1].showNoneItem",
    message: /must be true/,
  },
  {
    name: "a scored question that is not required",
    edit: ["set", "survey.pages[3].elements[1].isRequired", false],
    path: "survey.pages[3].elements[1].isRequired",
    message: /must be required/,
  },
  {
    name: "a scored matrix that does not require every row",
    edit: ["delete", "survey.pages[4].elements[0].eachRowRequired"],
    path: "survey.pages[4].elements[0].eachRowRequired",
    message: /every row/,
  },
  {
    name: "a dimension that is not declared",
    edit: ["set", "scoring.questions.q3.dimension", "cloud"],
    path: "scoring.questions.q3.dimension",
    message: /"cloud" is not a declared dimension/,
  },
  {
    name: "a dimension with no scored question",
    edit: ["set", "scoring.questions.q9.dimension", "readiness"],
    path: "dimensions[4]",
    message: /"automation" has no scored question/,
  },
  {
    name: "bands that leave a gap",
    edit: ["set", "bands[1].min", 30],
    path: "bands[1].min",
    message: /gap: 25–30/,
  },
  {
    name: "bands that overlap",
    edit: ["set", "bands[2].min", 45],
    path: "bands[2].min",
    message: /overlaps "average"/,
  },
  {
    name: "bands that do not start at 0",
    edit: ["set", "bands[0].min", 5],
    path: "bands[0].min",
    message: /start at 0/,
  },
  {
    name: "bands that do not end at 100",
    edit: ["set", "bands[3].max", 99],
    path: "bands[3].max",
    message: /end at 100/,
  },
  {
    name: "a band without feedback for a dimension",
    edit: ["delete", "bands[2].dimensionFeedback.green"],
    path: "bands[2].dimensionFeedback.green",
    message: /missing feedback for dimension "green"/,
  },
  {
    name: "band feedback for an undeclared dimension",
    edit: ["set", "bands[0].dimensionFeedback.cloud", { en: "x", sv: "x" }],
    path: "bands[0].dimensionFeedback.cloud",
    message: /not a declared dimension/,
  },
  {
    name: "a question title without Swedish",
    edit: ["delete", "survey.pages[2].elements[0].title.sv"],
    path: "survey.pages[2].elements[0].title.sv",
    message: /missing Swedish text/,
  },
  {
    name: "a choice text without English",
    edit: ["set", "survey.pages[1].elements[0].choices[3].text.default", " "],
    path: "survey.pages[1].elements[0].choices[3].text.default",
    message: /missing English text/,
  },
  {
    name: "a matrix column text without Swedish",
    edit: ["delete", "survey.pages[1].elements[1].columns[5].text.sv"],
    path: "survey.pages[1].elements[1].columns[5].text.sv",
    message: /missing Swedish text/,
  },
  {
    name: "a matrixdropdown column without a title",
    edit: ["delete", "survey.pages[0].elements[0].columns[0].title"],
    path: "survey.pages[0].elements[0].columns[0].title",
    message: /missing title/,
  },
  {
    name: "a row text in one language only",
    edit: ["set", "survey.pages[0].elements[0].rows[9].text", "(Cyber)security"],
    path: "survey.pages[0].elements[0].rows[9].text",
    message: /must be \{ "default"/,
  },
  {
    name: "a noneText that is not localised",
    edit: ["set", "survey.pages[0].elements[1].noneText", "None"],
    path: "survey.pages[0].elements[1].noneText",
    message: /must be \{ "default"/,
  },
  {
    name: "a none item without noneText",
    edit: ["delete", "survey.pages[0].elements[1].noneText"],
    path: "survey.pages[0].elements[1].noneText",
    message: /missing noneText/,
  },
  {
    name: "a page description without Swedish",
    edit: ["delete", "survey.pages[3].description.sv"],
    path: "survey.pages[3].description.sv",
    message: /missing Swedish text/,
  },
  {
    name: "html without Swedish",
    edit: [
      "push",
      "survey.pages[5].elements",
      { type: "html", name: "note", html: { default: "<p>Hi</p>" } },
    ],
    path: "survey.pages[5].elements[2].html.sv",
    message: /missing Swedish text/,
  },
  {
    name: "a completedHtml in English only",
    edit: ["set", "survey.completedHtml", "<p>Thank you</p>"],
    path: "survey.completedHtml",
    message: /must be \{ "default"/,
  },
  {
    name: "a question without a title",
    edit: ["delete", "survey.pages[3].elements[1].title"],
    path: "survey.pages[3].elements[1].title",
    message: /missing title/,
  },
  {
    name: "a choice without text",
    edit: ["set", "survey.pages[2].elements[0].choices[0]", 1],
    path: "survey.pages[2].elements[0].choices[0]",
    message: /needs a text/,
  },
  {
    name: "a duplicate question name on another page",
    edit: ["set", "survey.pages[2].elements[1].name", "q2"],
    path: "survey.pages[2].elements[1].name",
    message: /duplicate question name "q2" \(also at survey.pages\[0\].elements\[1\]\)/,
  },
  {
    name: "a duplicate question name inside a panel",
    edit: [
      "push",
      "survey.pages[5].elements",
      {
        type: "panel",
        name: "extra",
        elements: [{ type: "comment", name: "q10", title: { default: "Why?", sv: "Varför?" } }],
      },
    ],
    path: "survey.pages[5].elements[2].elements[0].name",
    message: /duplicate question name "q10"/,
  },
  {
    name: "an unscored question that is not text",
    edit: [
      "push",
      "survey.pages[5].elements",
      {
        type: "rating",
        name: "nps",
        title: { default: "Recommend us?", sv: "Rekommendera oss?" },
      },
    ],
    path: "survey.pages[5].elements[2].type",
    message: /must be a comment or text question, not rating/,
  },
  {
    name: "a question without a name",
    edit: ["delete", "survey.pages[5].elements[0].name"],
    path: "survey.pages[5].elements[0].name",
    message: /needs a name/,
  },
  {
    name: "an unknown status (envelope shape)",
    edit: ["set", "status", "final"],
    path: "status",
    message: /Invalid enum value/,
  },
  {
    name: "an envelope text without Swedish",
    edit: ["delete", "title.sv"],
    path: "title.sv",
    message: /Required/,
  },
  {
    name: "an unknown scoring rule",
    edit: ["set", "scoring.questions.q2.rule", { type: "average" }],
    path: "scoring.questions.q2.rule.type",
    message: /Invalid discriminator/,
  },
  {
    name: "a misspelt envelope key",
    edit: ["set", "dimensons", []],
    path: "(root)",
    message: /Unrecognized key.*dimensons/,
  },
];

describe("parseDefinition rejects", () => {
  test.each(cases)("$name at $path", ({ edit, path, message }) => {
    const json = brokenDma(edit);
    const result = parseDefinition(json, { id: "dma-sme", version: "1.0.0" });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
    // Every reported path leads into the file (the last step may be what is missing).
    for (const problem of problems) {
      expect(resolve(json, keysOf(problem.path).slice(0, -1)), problem.path).toBeDefined();
    }
  });

  test("an id and version that do not match the file's location", () => {
    const result = parseDefinition(readDefinitionJson("dma-sme", "1.0.0"), {
      id: "dma",
      version: "1.0.1",
    });
    expect(result.ok ? [] : result.problems).toEqual<Problem[]>([
      { path: "id", message: '"dma-sme" does not match the folder name "dma"' },
      { path: "version", message: '"1.0.0" does not match the file name "1.0.1.json"' },
    ]);
  });

  test("one broken thing gives one problem", () => {
    const result = parseDefinition(brokenDma(["set", "bands[1].min", 30]));
    expect(result.ok ? [] : result.problems).toEqual([
      { path: "bands[1].min", message: "leaves a gap: 25–30 is in no band" },
    ]);
  });

  test("anything that is not a definition", () => {
    const result = parseDefinition([]);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(["(root)"]);
  });
});

test.each([
  ["1.0.0", "1.0.0", 0],
  ["1.0.0", "1.1.0", -1],
  ["1.10.0", "1.9.9", 1],
  ["2.0.0", "10.0.0", -1],
  ["1.0.10", "1.0.2", 1],
])("compareVersions(%s, %s) has the sign of %i", (a, b, sign) => {
  expect(Math.sign(compareVersions(a, b))).toBe(sign);
});

test.each([
  ["1.0.0", 1],
  ["12.3.4", 12],
  ["0.9.0", 0],
])("majorOf(%s) is %i", (version, major) => {
  expect(majorOf(version)).toBe(major);
});
