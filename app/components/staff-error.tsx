import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "./i18n";

/**
 * The staff area's error page (400, 403, 404, 500) in the person's language. Each staff
 * route exports it as its ErrorBoundary, so the error shows inside the staff shell; the
 * shell's own boundary uses it too.
 */
export function StaffErrorBoundary() {
  const error = useRouteError();
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
  return (
    <section className="error-page" aria-labelledby="error-title">
      <title>{`${t(`hub.errorPage.${key}Title`)} – ${t("app.name")}`}</title>
      <h1 id="error-title">{t(`hub.errorPage.${key}Title`)}</h1>
      <p>{t(`hub.errorPage.${key}`)}</p>
      {status === 400 && isRouteErrorResponse(error) && typeof error.data === "string" ? (
        <p>
          <code>{error.data}</code>
        </p>
      ) : null}
      <p>
        <Link to="/hub" className="button">
          {t("hub.errorPage.back")}
        </Link>
      </p>
    </section>
  );
}
