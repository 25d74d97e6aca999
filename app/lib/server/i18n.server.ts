import { createCookie } from "@remix-run/node";
import type { InitOptions } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import en from "../../locales/en";
import sv from "../../locales/sv";
import { LANGUAGES, type LanguageId } from "../core/vocabularies";
import { DEFAULT_LANGUAGE, toLanguage } from "../core/language";
import {
  isStaffPath,
  publicDictionary,
  translate,
  type Dictionary,
  type Translate,
} from "../view/translate";

/** The visitor's chosen language, kept for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const i18nOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "translation",
  resources: { en: { translation: en }, sv: { translation: sv } },
  interpolation: { escapeValue: false }, // React escapes.
} satisfies InitOptions;

const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    // An explicit choice (cookie) wins over the browser's Accept-Language.
    order: ["cookie", "header"],
  },
  i18next: i18nOptions,
});

/** The language of a request: the cookie if set, else Accept-Language, else English. */
export async function getLanguage(request: Request): Promise<LanguageId> {
  return toLanguage(await i18next.getLocale(request));
}

/** The whole dictionary of one language. */
export function dictionaryFor(lang: LanguageId): Dictionary {
  return lang === "sv" ? sv : en;
}

const publicDictionaries = { en: publicDictionary(en), sv: publicDictionary(sv) };

/**
 * What the root loader sends to a page: the whole dictionary in the staff area, the
 * respondent's part of it elsewhere (the root reloads it when a navigation crosses).
 */
export function pageDictionary(lang: LanguageId, pathname: string): Dictionary {
  return isStaffPath(pathname) ? dictionaryFor(lang) : publicDictionaries[lang];
}

/** A translation function of one language, without a request (stored results, reasons). */
export function translatorFor(lang: LanguageId): Translate {
  const dictionary = dictionaryFor(lang);
  return (key, variables) => translate(dictionary, key, variables);
}

/** A translation function for server-side strings (titles, API messages). */
export async function getFixedT(request: Request) {
  return i18next.getFixedT(request);
}
