import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LANGUAGE, i18nOptions, toLanguage } from "./i18n";
import type { LanguageId } from "./catalog";

/** The visitor's chosen language, kept for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...i18nOptions.supportedLngs],
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

/** A translation function for server-side strings (titles, API messages). */
export async function getFixedT(request: Request) {
  return i18next.getFixedT(request);
}
