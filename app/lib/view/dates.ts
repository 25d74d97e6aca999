import type { LanguageId } from "../core/vocabularies";

/** How a staff page shows a time: a date, or a date and time (Stockholm time). */
export type DateStyle = "date" | "dateTime" | "compactDateTime";

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  compactDateTime: { dateStyle: "short", timeStyle: "medium" },
};

/**
 * A stored UTC time shown in Europe/Stockholm, in the page's language; "—" for none.
 * (Loader data may carry a Date or its ISO string.)
 */
export function formatStaffDate(
  lang: LanguageId,
  value: Date | string | null | undefined,
  style: DateStyle = "date",
): string {
  if (value === null || value === undefined) return "—";
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    ...OPTIONS[style],
    timeZone: "Europe/Stockholm",
  }).format(new Date(value));
}
