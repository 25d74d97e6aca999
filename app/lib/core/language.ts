import { LANGUAGES, type LanguageId } from "./vocabularies";

/** The language when neither a cookie nor Accept-Language names a supported one. */
export const DEFAULT_LANGUAGE: LanguageId = "en";

/** Narrows any string (a form field, a cookie) to a supported language. */
export function toLanguage(value: unknown): LanguageId {
  return LANGUAGES.includes(value as LanguageId) ? (value as LanguageId) : DEFAULT_LANGUAGE;
}
