/**
 * Numbers as people read them in their language (pure): every percentage, change and
 * decimal shown on a page, in a table or a sentence goes through here, so that Swedish reads
 * "62 %" and "+4,2" and English "62%" and "+4.2" (Intl.NumberFormat).
 */
import type { LanguageId } from "../core/vocabularies";

/** The Intl locale of a language. */
export function localeOf(lang: LanguageId): string {
  return lang === "sv" ? "sv-SE" : "en-GB";
}

const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and options (making one costs far more than using one). */
function formatter(lang: LanguageId, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), options);
    formats.set(key, format);
  }
  return format;
}

/** A number with a fixed number of decimals and no thousands separator ("1234,5"). */
export function formatDecimal(value: number, lang: LanguageId, digits = 0): string {
  return withMinusSign(
    formatter(lang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    }).format(value),
  );
}

/** A share given in percent (0–100), whole: "62 %" in Swedish, "62%" in English. */
export function formatPercent(percent: number, lang: LanguageId): string {
  return formatter(lang, { style: "percent", maximumFractionDigits: 0 }).format(percent / 100);
}

/**
 * A change with its sign: "+4,2", "−1,0" (a real minus sign, as typography wants), and
 * "±0,0" for no change at this precision; "—" for none.
 */
export function formatChange(change: number | null, lang: LanguageId, digits = 1): string {
  if (change === null) return "—";
  const text = formatDecimal(Math.abs(change), lang, digits);
  const zero = formatDecimal(0, lang, digits);
  if (text === zero) return `±${zero}`;
  return `${change > 0 ? "+" : "−"}${text}`;
}

/** Some locales (en) write a hyphen-minus; a page shows the minus sign. */
function withMinusSign(text: string): string {
  return text.replace(/^-/, "−");
}
