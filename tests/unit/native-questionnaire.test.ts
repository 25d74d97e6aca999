import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  answersToSurveyData,
  surveyDataToAnswers,
  validateAnswers,
} from "../../app/lib/core/answers";
import { parseDefinition, type SurveyDefinition } from "../../app/lib/core/definitions";
import {
  inputName,
  isChecked,
  mergeIntoSurveyData,
  nativePage,
  readPage,
  savedText,
  toAnswer,
  unsavedAnswers,
  type NativePage,
  type NativeQuestion,
} from "../../app/lib/view/native-questionnaire";

const root = new URL("../../survey-definitions/", import.meta.url);

function load(id: string, version: string): SurveyDefinition {
  const parsed = parseDefinition(
    JSON.parse(readFileSync(new URL(`${id}/${version}.json`, root), "utf8")),
    { id, version },
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

const published = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(new URL(`${dir.name}/`, root))
      .filter((file) => file.endsWith(".json"))
      .map((file) => [dir.name, file.replace(/\.json$/, "")] as const),
  );

/** A form's values as the browser would post them: name → every value. */
class Form {
  private entries: [string, string][] = [];
  add(name: string, value: string): this {
    this.entries.push([name, value]);
    return this;
  }
  getAll(name: string): string[] {
    return this.entries.filter(([n]) => n === name).map(([, v]) => v);
  }
}

/** The inputs a question draws: name, value and type, as the component renders them. */
function inputsOf(question: NativeQuestion) {
  switch (question.kind) {
    case "checkbox":
      return [
        ...question.choices.map((c) => ({ name: question.name, value: String(c.value) })),
        ...(question.none === undefined ? [] : [{ name: question.name, value: "none" }]),
      ];
    case "matrix":
      return question.rows.flatMap((row) =>
        question.columns.map((c) => ({
          name: inputName(question.name, row.value),
          value: String(c.value),
        })),
      );
    case "tick-grid":
      return question.rows.flatMap((row) =>
        question.columns.map((c) => ({
          name: inputName(question.name, row.value, c.value),
          value: "on",
        })),
      );
    case "comment":
      return [];
  }
}

describe("nativePage: every page of every published questionnaire is drawn natively", () => {
  test.each(published)("%s %s", (id, version) => {
    const definition = load(id, version);
    const pages = definition.survey.pages as { elements: { name: string; type: string }[] }[];
    pages.forEach((surveyPage, index) => {
      for (const lang of ["sv", "en"] as const) {
        const page = nativePage(definition.survey, index, lang);
        expect(page, `page ${index}`).toBeDefined();
        expect(page!.index).toBe(index);
        expect(page!.count).toBe(pages.length);
        expect(page!.questions.map((q) => q.name)).toEqual(surveyPage.elements.map((e) => e.name));
      }
    });
  });
});

describe("nativePage: mapping a definition to inputs", () => {
  const sme = load("dma-sme", "1.1.0");

  test("page 1 of the SME questionnaire in Swedish: a tick grid and checkboxes with 'none'", () => {
    const page = nativePage(sme.survey, 0, "sv")!;
    expect(page.title).toBe("Digital affärsstrategi");
    const [q1, q2] = page.questions;
    expect(q1).toMatchObject({ kind: "tick-grid", name: "q1", required: true });
    expect(q1.kind === "tick-grid" && q1.columns).toEqual([
      { value: "invested", text: "Har redan investerat" },
      { value: "planned", text: "Planerar att investera" },
    ]);
    expect(q1.kind === "tick-grid" && q1.rows[0]).toEqual({
      value: "1",
      text: "Produkt- och tjänsteutveckling (inkl. FoU och innovation)",
    });
    expect(q2).toMatchObject({ kind: "checkbox", name: "q2", none: "Inget av detta" });
    expect(q2.kind === "checkbox" && q2.choices[0]).toEqual({
      value: 1,
      text: "Behoven av digitalisering är identifierade och i linje med affärsmålen",
      exclusive: false,
    });
  });

  test("a 0–5 matrix in English, a list matrix, an exclusive choice and a comment", () => {
    const q4 = nativePage(sme.survey, 1, "en")!.questions[1];
    expect(q4).toMatchObject({ kind: "matrix", name: "q4", list: false });
    expect(q4.kind === "matrix" && q4.columns.map((c) => c.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(q4.kind === "matrix" && q4.columns[5].text).toBe("Operational");

    const smart = nativePage(load("smart-industry", "1.0.1").survey, 0, "sv")!.questions[0];
    expect(smart).toMatchObject({ kind: "matrix", list: true, rows: [{ text: "Vår nivå i dag" }] });

    const pages = sme.survey.pages as { elements: { choices?: { isExclusive?: boolean }[] }[] }[];
    const withExclusive = pages.findIndex((p) =>
      p.elements.some((e) => e.choices?.some((c) => c.isExclusive)),
    );
    const question = nativePage(sme.survey, withExclusive, "en")!.questions.find(
      (q) => q.kind === "checkbox" && q.choices.some((c) => c.exclusive),
    );
    expect(question).toBeDefined();

    const comment = nativePage(sme.survey, 6, "sv")!.questions[0];
    expect(comment).toMatchObject({ kind: "comment", name: "challenge", rows: 4, maxLength: 5000 });
  });

  test("an out-of-range page is the first", () => {
    expect(nativePage(sme.survey, 99, "en")!.index).toBe(0);
    expect(nativePage(sme.survey, -1, "en")!.index).toBe(0);
  });

  const text = { default: "Q", sv: "F" };
  test.each([
    ["a panel", { type: "panel", name: "p", elements: [] }],
    ["a dropdown", { type: "dropdown", name: "d", title: text, choices: [] }],
    ["a condition", { type: "comment", name: "c", title: text, visibleIf: "{q1} = 1" }],
    [
      "a tick grid with a dropdown cell",
      {
        type: "matrixdropdown",
        name: "m",
        title: text,
        rows: [{ value: "1", text }],
        columns: [{ name: "a", title: text, cellType: "dropdown" }],
      },
    ],
    ["a choice without a text", { type: "checkbox", name: "c", title: text, choices: [1, 2] }],
  ])("a page with %s waits for SurveyJS", (_, element) => {
    const survey = { pages: [{ name: "p", title: text, elements: [element] }] };
    expect(nativePage(survey, 0, "en")).toBeUndefined();
  });
});

describe("from the native inputs back to SurveyJS's data and the stored answers", () => {
  const definitions = published.map(([id, version]) => load(id, version));

  /** Random answers for a page, as ticks in a form, and the SurveyJS data they mean. */
  function randomAnswers(page: NativePage, random: () => number) {
    const form = new Form();
    for (const question of page.questions) {
      if (random() < 0.2) continue; // unanswered
      switch (question.kind) {
        case "checkbox":
          if (question.none !== undefined && random() < 0.2) form.add(question.name, "none");
          else {
            for (const choice of question.choices) {
              if (!choice.exclusive && random() < 0.4)
                form.add(question.name, String(choice.value));
            }
          }
          break;
        case "matrix":
          for (const row of question.rows) {
            if (random() < 0.8) {
              const column = question.columns[Math.floor(random() * question.columns.length)];
              form.add(inputName(question.name, row.value), String(column.value));
            }
          }
          break;
        case "tick-grid":
          for (const row of question.rows) {
            for (const column of question.columns) {
              if (random() < 0.4) form.add(inputName(question.name, row.value, column.value), "on");
            }
          }
          break;
        case "comment":
          form.add(question.name, random() < 0.5 ? "" : "Vi behöver bättre data.");
          break;
      }
    }
    return form;
  }

  function seeded(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  test("random ticks on every page give answers the answers endpoint accepts, and round-trip", () => {
    const random = seeded(31);
    let checked = 0;
    for (const definition of definitions) {
      const pages = (definition.survey.pages as unknown[]).length;
      for (let index = 0; index < pages; index++) {
        for (const lang of ["sv", "en"] as const) {
          const page = nativePage(definition.survey, index, lang)!;
          for (let run = 0; run < 20; run++) {
            const form = randomAnswers(page, random);
            const data = readPage(page, form);
            const answers: Record<string, unknown> = {};
            for (const question of page.questions) {
              const answer = toAnswer(question, data[question.name]);
              if (answer !== null) answers[question.name] = answer;
            }
            // The same conversion as SurveyJS's values take, and valid answers.
            const present = Object.fromEntries(
              Object.entries(data).filter(([, value]) => value !== undefined),
            );
            expect(answers).toEqual(surveyDataToAnswers(definition, present));
            expect(validateAnswers(definition, answers, { complete: false }).ok).toBe(true);

            // Saved and reloaded, the same inputs start checked (and nothing else).
            const saved = answersToSurveyData(definition, answers as never);
            for (const question of page.questions) {
              for (const input of inputsOf(question)) {
                const [, row, column] = input.name.split(":");
                const value = question.kind === "tick-grid" ? column : input.value;
                const ticked = form.getAll(input.name).includes(input.value);
                const starts = isChecked(question, saved, value, row);
                expect(starts, `${question.name} ${input.name}=${input.value}`).toBe(ticked);
              }
              if (question.kind === "comment") {
                expect(savedText(question, saved)).toBe(form.getAll(question.name)[0] ?? "");
              }
            }
            expect(unsavedAnswers(page, form, saved)).toEqual({});
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  test("what changed since the last save, and SurveyJS's data with the form in it", () => {
    const sme = definitions.find((d) => d.id === "dma-sme" && d.version === "1.1.0")!;
    const page = nativePage(sme.survey, 0, "en")!;
    const saved = { q2: [1, 3], q5: [2] };
    const form = new Form().add("q2", "none").add(inputName("q1", "2", "planned"), "on");

    const changed = unsavedAnswers(page, form, saved);
    expect(changed.q2).toEqual([]);
    expect(changed.q1).toMatchObject({ "2": { invested: false, planned: true } });
    expect(Object.keys(changed).sort()).toEqual(["q1", "q2"]);

    const merged = mergeIntoSurveyData(page, form, saved);
    expect(merged.q2).toEqual(["none"]);
    expect(merged.q5).toEqual([2]); // another page's answer stays
    expect((merged.q1 as Record<string, unknown>)["2"]).toEqual({ invested: false, planned: true });

    // An untouched tick grid is no change; unticking its last box is (nothing ticked).
    expect(unsavedAnswers(page, new Form(), {})).toEqual({});
    const unticked = unsavedAnswers(page, new Form(), { q1: { "2": { planned: true } } });
    expect((unticked.q1 as Record<string, unknown>)["2"]).toEqual({
      invested: false,
      planned: false,
    });

    // A question emptied in the form is cleared (null) and leaves SurveyJS's data.
    const emptied = new Form();
    expect(unsavedAnswers(page, emptied, { q2: [1] }).q2).toBeNull();
    expect(mergeIntoSurveyData(page, emptied, { q2: [1] })).not.toHaveProperty("q2");
  });

  test("a matrix's saved level in another key order is no change", () => {
    const sme = definitions.find((d) => d.id === "dma-sme" && d.version === "1.1.0")!;
    const page = nativePage(sme.survey, 1, "en")!;
    const form = new Form().add("q4:2", "5").add("q4:1", "0");
    expect(unsavedAnswers(page, form, { q4: { "2": 5, "1": 0 } })).toEqual({});
    expect(unsavedAnswers(page, form, { q4: { "1": 0 } })).toEqual({ q4: { "1": 0, "2": 5 } });
  });
});
