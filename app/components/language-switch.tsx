import { Form } from "@remix-run/react";
import { useTranslation } from "./i18n";
import { LANGUAGES, type LanguageId } from "../lib/core/vocabularies";

/**
 * Buttons that switch the language. A plain form, so it works without JavaScript;
 * the choice is kept in a cookie and the visitor returns to the same page.
 */
export function LanguageSwitch({
  current,
  redirectTo,
}: {
  current: LanguageId;
  redirectTo: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/language" className="language-switch" reloadDocument>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <span className="visually-hidden">{t("language.label")}</span>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="submit"
          name="lng"
          value={lng}
          lang={lng}
          aria-pressed={lng === current}
          className="language-switch__button"
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </Form>
  );
}
