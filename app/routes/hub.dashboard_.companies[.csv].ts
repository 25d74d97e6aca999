import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireHubPermission } from "../lib/http/guards.server";
import { audit } from "../lib/server/audit.server";
import { completenessCsv } from "../lib/server/completeness.server";
import { parseDashboardQuery } from "../lib/server/dashboard.server";
import { downloadResponse } from "../lib/server/exports.server";
import { getLanguage } from "../lib/server/i18n.server";

/**
 * GET /hub/dashboard/companies.csv?<the dashboard's filters>&sep=: the completeness list of
 * every company of the slice, streamed (hub leads); audit-logged, as it names companies.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireHubPermission(request, "dashboard.view");
  const url = new URL(request.url);
  const filter = parseDashboardQuery(url);
  const sep = url.searchParams.get("sep");
  if (sep && sep !== "comma" && sep !== "semicolon") {
    throw new Response("sep: must be comma or semicolon", { status: 400 });
  }
  const lang = await getLanguage(request);
  const separator = (sep ?? (lang === "sv" ? "semicolon" : "comma")) === "semicolon" ? ";" : ",";
  const file = await completenessCsv(filter, lang, separator);
  await audit({
    actor,
    action: "export.downloaded",
    details: { kind: "completeness", format: "csv", filter },
    ip: context.clientAddress,
  });
  return downloadResponse(file);
}
