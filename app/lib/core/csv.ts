/** The separators a CSV download may use: `,` (RFC 4180) or `;` (spreadsheets set to Swedish). */
export const CSV_SEPARATORS = [",", ";"] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** The byte order mark that makes spreadsheets read a CSV file as UTF-8. */
export const CSV_BOM = "\uFEFF";

/**
 * One CSV line (RFC 4180, CRLF) of `values`, separated by `separator`. A text cell that a
 * spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
 * is prefixed with an apostrophe, so a download cannot run anything when opened. Numbers
 * are written as numbers, with a decimal comma when the separator is `;` (the convention
 * of the spreadsheets that expect it).
 */
export function csvLine(
  values: readonly (string | number | null | undefined)[],
  separator: CsvSeparator = ",",
): string {
  const quote = separator === ";" ? /[";\r\n]/ : /[",\r\n]/;
  return (
    values
      .map((value) => {
        if (typeof value === "number") {
          const number = String(value);
          return separator === ";" ? number.replace(".", ",") : number;
        }
        let text = value ?? "";
        if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
        return quote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(separator) + "\r\n"
  );
}
