import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "../lib/server/audit.server";
import { companyOfToken, exportCompanyData } from "../lib/server/company-privacy.server";
import { jsonDownload } from "../lib/http/downloads.server";

/** GET /a/:token/export.json: the organisation's own data from its private link (no notes). */
export async function loader({ params }: LoaderFunctionArgs) {
  const companyId = await companyOfToken(params.token);
  if (!companyId) throw new Response("Not found", { status: 404 });
  const body = await exportCompanyData(companyId, { withNotes: false });
  await audit({
    actor: null,
    action: "company.exported",
    target: { type: "company", id: companyId },
    details: { withNotes: false, byCompany: true },
  });
  return jsonDownload(body, `organisation-${companyId}.json`);
}
