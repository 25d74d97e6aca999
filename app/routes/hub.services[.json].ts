import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonDownload } from "../lib/http/downloads.server";
import { requireHubPermission } from "../lib/http/guards.server";
import { exportCatalogue } from "../lib/server/services.server";

/** The catalogue as a file in the seed's format (db/catalogue/services.json), audit-logged. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireHubPermission(request, "catalogue.manage");
  const catalogue = await exportCatalogue({ actor, ip: context.clientAddress });
  const day = new Date().toISOString().slice(0, 10);
  return jsonDownload(catalogue, `services-${day}.json`);
}
