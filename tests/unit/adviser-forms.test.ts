import { describe, expect, test } from "vitest";
import {
  canEditNote,
  DeliveredServiceFormSchema,
  EditNoteSchema,
  fieldErrors,
  NewNoteSchema,
} from "../../app/lib/core/adviser-forms";

const valid = {
  title: "Workshop on data strategy",
  category: "training",
  technologyType: "data-cloud",
  description: "Half a day",
  priceEur: "1 200,50",
  attendees: "8",
  startDate: "2026-03-01",
  endDate: "2026-03-01",
};

const errorsOf = (input: Record<string, unknown>) => {
  const result = DeliveredServiceFormSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
};

describe("DeliveredServiceFormSchema", () => {
  test("accepts a free-text service, with a Swedish decimal comma and spaces in the price", () => {
    const result = DeliveredServiceFormSchema.parse(valid);
    expect(result).toMatchObject({ priceEur: 1200.5, attendees: 8, category: "training" });
  });

  test("accepts a catalogue service without title or category, price 0, no attendees", () => {
    const { title: _t, category: _c, ...rest } = valid;
    void _t;
    void _c;
    const result = DeliveredServiceFormSchema.parse({
      ...rest,
      serviceId: "ai-readiness",
      priceEur: "0",
      attendees: "",
    });
    expect(result).toMatchObject({ priceEur: 0, attendees: undefined });
  });

  test.each([
    [{ endDate: "2026-02-28" }, { endDate: "endBeforeStart" }],
    [{ priceEur: "-5" }, { priceEur: "negativePrice" }],
    [{ priceEur: "abc" }, { priceEur: "invalidPrice" }],
    [{ priceEur: "" }, { priceEur: "required" }],
    [{ category: "consulting" }, { category: "unknownCategory" }],
    [
      { title: "", category: "" },
      { title: "serviceOrTitle", category: "required" },
    ],
    [{ startDate: "2026-02-30" }, { startDate: "invalidDate" }],
    [{ startDate: "tomorrow" }, { startDate: "invalidDate" }],
    [{ attendees: "-1" }, { attendees: "invalidAttendees" }],
    [{ attendees: "2.5" }, { attendees: "invalidAttendees" }],
    [{ technologyType: "magic" }, { technologyType: "required" }],
    [{ recommendation: "nonsense" }, { recommendation: "unknownRecommendation" }],
    [{ description: "x".repeat(2001) }, { description: "tooLong" }],
  ])("%j is refused with %j", (change, expected) => {
    expect(errorsOf({ ...valid, ...change })).toEqual(expected);
  });
});

describe("notes", () => {
  test.each([
    ["  \n ", "required"],
    ["x".repeat(5001), "tooLong"],
  ])("a note of %j is refused (%s)", (body, message) => {
    const result = NewNoteSchema.safeParse({ body });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ body: message });
  });

  test("line breaks are kept and normalised", () => {
    expect(NewNoteSchema.parse({ body: " a\r\nb\rc " }).body).toBe("a\nb\nc");
  });

  test("an edit without its version is refused as stale", () => {
    const result = EditNoteSchema.safeParse({
      noteId: "3f1d0c1e-0000-4000-8000-000000000000",
      body: "x",
      version: "",
    });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ version: "stale" });
  });

  const created = new Date("2026-03-01T10:00:00Z");
  test.each([
    ["the author within 24 h", "me", "2026-03-02T09:59:59Z", true],
    ["the author after 24 h", "me", "2026-03-02T10:00:00Z", false],
    ["someone else", "you", "2026-03-01T10:00:01Z", false],
  ])("%s may edit: %s", (_name, actor, now, expected) => {
    expect(canEditNote({ author_id: "me", created_at: created }, actor, new Date(now))).toBe(
      expected,
    );
  });
});

test("missing fields are worded as required, never as zod's own message", () => {
  expect(errorsOf({})).toMatchObject({
    technologyType: "required",
    priceEur: "required",
    startDate: "required",
    endDate: "required",
  });
  const result = NewNoteSchema.safeParse({});
  expect(result.success ? {} : fieldErrors(result.error)).toEqual({ body: "required" });
});
