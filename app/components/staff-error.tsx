import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { useTranslation } from "./i18n";

/**
 * The staff area's error page (400, 403, 404, 500) in the person's language. Each staff
 * route exports it as its ErrorBoundary, so the error shows inside the staff shell; the
 * shell's own boundary uses it too.
 */
export function StaffErrorBoundary() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key =
    status === 403
      ? "forbidden"
      : status === 404
        ? "notFound"
        : status === 400
          ? "badRequest"
          : "server";
  const detail =
    status === 400 && isRouteErrorResponse(error) && typeof error.data === "string"
      ? error.data
      : undefined;
  // "<parameter>: <why>" (the dashboard's and the exports' 400s): the why is in English for
  // the CSV and JSON clients; the page names the parameter in the person's language.
  const parameter = detail?.match(/^([A-Za-z][\w.]*): /)?.[1];
  return (
    <section className="error-page" aria-labelledby="error-title">
      <title>{`${t(`hub.errorPage.${key}Title`)} – ${t("app.name")}`}</title>
      <h1 id="error-title">{t(`hub.errorPage.${key}Title`)}</h1>
      {parameter ? (
        <p data-testid="bad-parameter">{t("hub.errorPage.badParameter", { name: parameter })}</p>
      ) : (
        <>
          <p>{t(`hub.errorPage.${key}`)}</p>
          {detail ? (
            <p>
              <code>{detail}</code>
            </p>
          ) : null}
        </>
      )}
      <p className="button-row">
        {parameter ? (
          <Link to={pathname} className="button button--primary">
            {t("hub.errorPage.clearFilters")}
          </Link>
        ) : null}
        <Link to="/hub" className="button">
          {t("hub.errorPage.back")}
        </Link>
      </p>
    </section>
  );
}
