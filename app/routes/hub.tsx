import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "../components/i18n";
import { getStaff } from "../lib/http/guards.server";
import { staffShell } from "../lib/server/staff-shell.server";

/**
 * The staff area's shell: the hub's name, the person signed in, and the navigation their
 * role may use (app/lib/core/staff-policy.ts STAFF_NAVIGATION). Each child route guards
 * itself with requireStaff; this loader only reads who is signed in.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return staffShell(await getStaff(request));
}

export default function StaffShell() {
  const { hubName, person, navigation } = useLoaderData<typeof loader>();
  const { t, lang } = useTranslation();
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the navigation is one row that scrolls sideways: bring the current page's
  // link into it (the audit log's is past the screen's edge), without moving the page.
  useEffect(() => {
    const row = nav.current;
    const current = row?.querySelector('[aria-current="page"]');
    if (!row || !current || row.scrollWidth <= row.clientWidth) return;
    const box = row.getBoundingClientRect();
    const link = current.getBoundingClientRect();
    // Clear of the fading edge on the right (the nav's scroll-padding, 3rem).
    const fade = 48;
    if (link.left < box.left) row.scrollLeft -= box.left - link.left + 8;
    else if (link.right > box.right - fade) row.scrollLeft += link.right - (box.right - fade);
  }, [pathname]);
  return (
    <div className="staff">
      <div className="staff-bar">
        <p className="staff-bar__hub">
          <span>{hubName[lang]}</span>{" "}
          <span className="staff-bar__area">{t("hub.shell.area")}</span>
        </p>
        {person ? (
          <>
            <nav ref={nav} aria-label={t("hub.nav.label")} className="staff-nav">
              <ul>
                {navigation.map((item) => (
                  <li key={item.id}>
                    <NavLink to={item.path} end={item.path === "/hub"}>
                      {t(`hub.nav.${item.id}`)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="staff-bar__person">
              <p>
                <span className="visually-hidden">{t("hub.shell.signedInAs")} </span>
                <strong data-testid="staff-name">{person.name}</strong>
                <span className="staff-bar__role">
                  {t(`hub.role.${person.role}`)}
                  {person.partnerName ? `, ${person.partnerName}` : ""}
                </span>
              </p>
              <Form method="post" action="/hub/logout">
                <button type="submit" className="button button--small">
                  {t("hub.shell.signOut")}
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </div>
      <Outlet />
    </div>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
