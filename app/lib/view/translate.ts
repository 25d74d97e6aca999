import type { CustomerTypeId } from "../core/vocabularies";

/** A nested dictionary of strings, as in app/locales/*.ts. */
export interface Dictionary {
  [key: string]: string | Dictionary;
}

export type TranslateVariables = Record<string, string | number>;

/** A translation function: a dotted key of app/locales and its `{{variables}}`. */
export type Translate = (key: string, variables?: TranslateVariables) => string;

/** Whether a path is in the staff area (`/hub`), whose pages use the staff's strings. */
export function isStaffPath(pathname: string): boolean {
  return pathname === "/hub" || pathname.startsWith("/hub/");
}

/**
 * The strings only the staff area uses: its pages, the adviser's workspace (but for
 * `adviser.privacy`, the respondent's privacy page), the dashboard and the exports. About
 * two thirds of a language's strings.
 */
const STAFF_ONLY = ["hub", "dashboard", "exports"] as const;

/**
 * A dictionary without the staff area's strings, for the respondent's pages: every page
 * carries its language's dictionary in its HTML, and on a phone's slow network each of
 * those bytes comes before the questionnaire (issue #14, point 4).
 */
export function publicDictionary(dictionary: Dictionary): Dictionary {
  const kept: Dictionary = {};
  for (const [key, value] of Object.entries(dictionary)) {
    if ((STAFF_ONLY as readonly string[]).includes(key)) continue;
    if (key === "adviser" && typeof value === "object") {
      kept.adviser = { privacy: value.privacy };
      continue;
    }
    kept[key] = value;
  }
  return kept;
}

/**
 * Looks up a dotted key (`landing.title`) and fills `{{name}}` placeholders, with the
 * same syntax as i18next so the server's i18next and the browser agree. A missing key
 * returns the key itself, visibly, rather than an empty string.
 */
export function translate(
  dictionary: Dictionary,
  key: string,
  variables?: TranslateVariables,
): string {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split(".")) {
    node = typeof node === "object" ? node[part] : undefined;
  }
  if (typeof node !== "string") return key;
  if (!variables) return node;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in variables ? String(variables[name]) : whole,
  );
}

/**
 * The wording of a customer type: a public sector organisation reads "organisations" where
 * a company reads "companies". Its strings live under `pso.` at the same key
 * (`pso.peers.title` for `peers.title`); every key without one there is shared.
 */
export function customerWording(t: Translate, customerType: CustomerTypeId): Translate {
  if (customerType === "sme") return t;
  return (key, variables) => {
    const own = `${customerType}.${key}`;
    const worded = t(own, variables);
    return worded === own ? t(key, variables) : worded;
  };
}

/**
 * The staff pages' wording: where the company's own pages speak to it ("Ni valde inte …",
 * "you did not choose …"), an adviser reads about it in the third person. Its strings live
 * under `staff.` at the same key; compose inside customerWording, so that a public sector
 * organisation's `staff.pso.` strings come first.
 */
export function staffWording(t: Translate): Translate {
  return (key, variables) => {
    const own = `staff.${key}`;
    const worded = t(own, variables);
    return worded === own ? t(key, variables) : worded;
  };
}
