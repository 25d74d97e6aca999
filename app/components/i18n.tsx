import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { CustomerTypeId, LanguageId } from "../lib/core/vocabularies";
import {
  customerWording,
  translate,
  type Dictionary,
  type TranslateVariables,
} from "../lib/view/translate";

interface I18nValue {
  lang: LanguageId;
  t: (key: string, variables?: TranslateVariables) => string;
}

const I18nContext = createContext<I18nValue>({ lang: "en", t: (key) => key });

/**
 * Provides the current language's strings to the page. The server detects the language
 * with remix-i18next and sends only that language's dictionary in the root loader's
 * data, so the browser bundle carries no translation library and no other language.
 */
export function I18nProvider(props: {
  lang: LanguageId;
  dictionary: Dictionary;
  children: ReactNode;
}) {
  const { lang, dictionary, children } = props;
  const value = useMemo<I18nValue>(
    () => ({ lang, t: (key, variables) => translate(dictionary, key, variables) }),
    [lang, dictionary],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translate function. */
export function useTranslation(): I18nValue {
  return useContext(I18nContext);
}

/**
 * Words everything below in a customer type's terms: a public sector organisation reads
 * "organisations" where a company reads "companies" (customerWording).
 */
export function CustomerWording(props: { customerType: CustomerTypeId; children: ReactNode }) {
  const { lang, t } = useTranslation();
  const { customerType, children } = props;
  const value = useMemo<I18nValue>(
    () => ({ lang, t: customerWording(t, customerType) }),
    [lang, t, customerType],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
