import { RemixBrowser } from "@remix-run/react";
import { createInstance } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions, toLanguage } from "./lib/i18n";

async function hydrate() {
  // The server rendered <html lang>; start in that language so hydration matches.
  const i18next = createInstance();
  await i18next
    .use(initReactI18next)
    .init({ ...i18nOptions, lng: toLanguage(document.documentElement.lang) });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
