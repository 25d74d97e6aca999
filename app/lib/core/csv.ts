/**
 * One CSV line (RFC 4180, comma-separated, CRLF) of `values`. A cell that a spreadsheet
 * would read as a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with an apostrophe, so a download cannot run anything when opened.
 */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return (
    values
      .map((value) => {
        let text = value === null || value === undefined ? "" : String(value);
        if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}
