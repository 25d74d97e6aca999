import { z } from "zod";
import { isCalendarDate } from "./calendar-date";
import { SERVICE_CATEGORIES } from "./service-catalogue";

/**
 * The adviser workspace's forms (pure): notes and delivered services. Each error message
 * is a key of `adviser.errors.*` in the locale files, shown beside its field.
 */

/** The technology types of the Commission's EDIH reporting. */
export const TECHNOLOGY_TYPES = [
  "ai",
  "hpc",
  "cybersecurity",
  "data-cloud",
  "iot",
  "robotics",
  "ar-vr",
  "blockchain",
  "other",
] as const;

export const NOTE_MAX_LENGTH = 5000;
/** An author may edit a note for 24 hours; afterwards notes are append-only. */
export const NOTE_EDIT_WINDOW_MS = 24 * 3600 * 1000;

/** Whether `actorId` may still edit `note` at `now`. */
export function canEditNote(
  note: { author_id: string | null; created_at: Date | string },
  actorId: string,
  now: Date,
): boolean {
  return (
    note.author_id === actorId &&
    now.getTime() - new Date(note.created_at).getTime() < NOTE_EDIT_WINDOW_MS
  );
}

const noteBody = z
  .string({ required_error: "required", invalid_type_error: "required" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "required").max(NOTE_MAX_LENGTH, "tooLong"));

export const NewNoteSchema = z.object({ body: noteBody });

/** An edit carries the version (updated_at) it was made from, to refuse a stale edit. */
export const EditNoteSchema = z.object({
  noteId: z.string().uuid("unknownNote"),
  body: noteBody,
  version: z.string().min(1, "stale"),
});

const isoDate = z
  .string({ required_error: "required", invalid_type_error: "required" })
  .trim()
  .min(1, "required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
  .refine(isCalendarDate, "invalidDate");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((s) => (s ? s : undefined));

/**
 * A delivered service as the form sends it: a catalogue service (`serviceId`) or a free
 * title, the category (taken from the catalogue when a service is chosen), technology type,
 * description, price in euros (0 allowed), attendees, dates, partner and recommendation
 * (`<assessment id>:<rank>`). The server checks the catalogue, partner and recommendation.
 */
export const DeliveredServiceFormSchema = z
  .object({
    serviceId: optionalText(100),
    title: optionalText(200),
    category: z
      .string()
      .optional()
      .transform((s) => (s ? s : undefined))
      .pipe(z.enum(SERVICE_CATEGORIES, { message: "unknownCategory" }).optional()),
    technologyType: z.enum(TECHNOLOGY_TYPES, { message: "required" }),
    description: z.string().trim().max(2000, "tooLong").default(""),
    priceEur: z
      .string({ required_error: "required", invalid_type_error: "required" })
      .trim()
      .min(1, "required")
      .transform((s) => s.replace(/\s/g, "").replace(",", "."))
      .pipe(
        z
          .string()
          .regex(/^-?\d{1,10}(\.\d{1,2})?$/, "invalidPrice")
          .transform(Number)
          .pipe(z.number().min(0, "negativePrice")),
      ),
    attendees: z
      .string()
      .trim()
      .optional()
      .transform((s) => (s ? s : undefined))
      .pipe(
        z
          .string()
          .regex(/^-?\d{1,7}$/, "invalidAttendees")
          .transform(Number)
          .pipe(z.number().int().min(0, "invalidAttendees"))
          .optional(),
      ),
    startDate: isoDate,
    endDate: isoDate,
    partnerId: optionalText(60),
    recommendation: z
      .string()
      .optional()
      .transform((s) => (s ? s : undefined))
      .pipe(
        z
          .string()
          .regex(
            /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d{1,3}$/i,
            "unknownRecommendation",
          )
          .optional(),
      ),
  })
  .superRefine((value, ctx) => {
    if (!value.serviceId && !value.title) {
      ctx.addIssue({ code: "custom", path: ["title"], message: "serviceOrTitle" });
    }
    if (!value.serviceId && !value.category) {
      ctx.addIssue({ code: "custom", path: ["category"], message: "required" });
    }
    const dates = [value.startDate, value.endDate];
    if (dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)) && value.endDate < value.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "endBeforeStart" });
    }
  });

export type DeliveredServiceForm = z.infer<typeof DeliveredServiceFormSchema>;

/** Field → error key of the first problem of each field (for the form). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return errors;
}

/** What a workspace form gets back: done (with what to show), or the error keys by field. */
export type WorkspaceReply =
  | { intent: string; ok: true; followUp?: { url: string; stage: string; emailed: boolean } }
  | { intent: string; ok: false; errors: Record<string, string> };
