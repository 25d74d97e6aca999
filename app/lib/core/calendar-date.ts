/**
 * Whether `text` is a real calendar day written YYYY-MM-DD in a year the database stores
 * (1900–2999: PostgreSQL has no year 0, and "2026-02-31" is no day at all). Pure.
 */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const day = new Date(`${text}T00:00:00Z`);
  return (
    year >= 1900 &&
    year <= 2999 &&
    !Number.isNaN(day.getTime()) &&
    day.toISOString().startsWith(text)
  );
}
