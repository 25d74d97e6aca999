import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { I18nProvider, useTranslation } from "./components/i18n";
import { LanguageSwitch } from "./components/language-switch";
import { useNonce } from "./components/nonce";
import { DEFAULT_LANGUAGE } from "./lib/core/language";
import { getLanguage, pageDictionary } from "./lib/server/i18n.server";
import { isStaffPath } from "./lib/view/translate";
import stylesHref from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLanguage(request);
  return { lang, dictionary: pageDictionary(lang, new URL(request.url).pathname) };
}

/** The dictionary differs inside and outside the staff area: reload it when crossing. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => defaultShouldRevalidate || isStaffPath(currentUrl.pathname) !== isStaffPath(nextUrl.pathname);

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <I18nProvider lang={data?.lang ?? DEFAULT_LANGUAGE} dictionary={data?.dictionary ?? {}}>
      <Document>{children}</Document>
    </I18nProvider>
  );
}

function Document({ children }: { children: ReactNode }) {
  const { t, lang } = useTranslation();
  const nonce = useNonce();
  const location = useLocation();
  // Marks the document once React has hydrated it, so browser tests (and support staff
  // reading a bug report) can tell a server-rendered page from a live one.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);

  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="brand">
              <span className="brand__name">{t("app.name")}</span>
              <span className="brand__hub">{t("app.hub")}</span>
            </Link>
            <nav aria-label={t("nav.label")} className="site-nav">
              <Link to="/">{t("nav.home")}</Link>
              <Link to="/privacy">{t("nav.privacy")}</Link>
            </nav>
            <LanguageSwitch current={lang} redirectTo={location.pathname + location.search} />
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">{t("footer.text")}</div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const clientError = isRouteErrorResponse(error) && error.status < 500;
  const title = notFound
    ? t("errors.notFoundTitle")
    : clientError
      ? t("errors.otherTitle")
      : t("errors.serverTitle");
  const text = notFound ? t("errors.notFound") : clientError ? "" : t("errors.server");
  return (
    <section className="error-page" aria-labelledby="error-title">
      <title>{`${title} – ${t("app.name")}`}</title>
      <h1 id="error-title">{title}</h1>
      {text ? <p>{text}</p> : null}
      {clientError && !notFound && typeof error.data === "string" ? <p>{error.data}</p> : null}
      <p>
        <Link to="/" className="button">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
