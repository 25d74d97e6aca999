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
 *
 * Exports write a million of these: a loop over character codes, no array or regular
 * expression per cell (decision 032).
 */
export function csvLine(
  values: readonly (string | number | null | undefined)[],
  separator: CsvSeparator = ",",
): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += separator;
    line += csvCell(values[i], separator);
  }
  return line + "\r\n";
}

const EQUALS = 61;
const PLUS = 43;
const MINUS = 45;
const AT = 64;
const TAB = 9;
const CR = 13;
const LF = 10;
const QUOTE = 34;

/** One cell of a CSV line (see csvLine): neutralised, quoted when it must be. */
export function csvCell(
  value: string | number | null | undefined,
  separator: CsvSeparator,
): string {
  if (typeof value === "number") {
    const number = String(value);
    return separator === ";" ? number.replace(".", ",") : number;
  }
  if (value === null || value === undefined || value === "") return "";
  const first = value.charCodeAt(0);
  const text =
    first === EQUALS ||
    first === PLUS ||
    first === MINUS ||
    first === AT ||
    first === TAB ||
    first === CR
      ? `'${value}`
      : value;
  const sep = separator.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === sep || c === CR || c === LF) return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}
