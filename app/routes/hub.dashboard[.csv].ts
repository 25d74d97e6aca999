import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireHubPermission } from "../lib/http/guards.server";
import { dashboardCsv, parseDashboardQuery } from "../lib/server/dashboard.server";
import { getLanguage } from "../lib/server/i18n.server";

/**
 * GET /hub/dashboard.csv?table=<id>&<the dashboard's filters>: one panel table as CSV
 * (UTF-8 with BOM), exactly as the page shows it, suppressed cells included (hub leads).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "dashboard.view");
  const url = new URL(request.url);
  const filter = parseDashboardQuery(url);
  const { filename, body } = await dashboardCsv(filter, url, await getLanguage(request));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
