import type { InitOptions } from "i18next";
import en from "../locales/en";
import sv from "../locales/sv";
import { LANGUAGES, type LanguageId } from "./catalog";

export const DEFAULT_LANGUAGE: LanguageId = "en";

/** i18next options shared by the server and the browser. */
export const i18nOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "translation",
  resources: { en: { translation: en }, sv: { translation: sv } },
  interpolation: { escapeValue: false }, // React escapes.
} satisfies InitOptions;

/** Narrows any string (a form field, a cookie) to a supported language. */
export function toLanguage(value: unknown): LanguageId {
  return LANGUAGES.includes(value as LanguageId) ? (value as LanguageId) : DEFAULT_LANGUAGE;
}
