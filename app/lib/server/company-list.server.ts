import { listCompanyPage, type CompanyListRow } from "../../../db/queries/company-list";
import type { CompanyListQuery } from "../core/company-list";
import { foldForSearch } from "../core/search-fold";
import type { Actor } from "../core/staff-policy";
import { assignCompany } from "./assignments.server";
import { database } from "./db.server";
import { getHubConfig } from "./hub.server";
import { listStaff, type By } from "./staff.server";

export type { CompanyListRow };

/**
 * The client list as `actor` may see it: an adviser, the companies assigned to them that
 * consented to share with advisers (the adviser and partner filters do not apply); a hub
 * lead, every company, with those filters and the advisers and partners to choose from.
 */
export async function listClientCompanies(actor: Actor, query: CompanyListQuery) {
  const lead = actor.role === "hub_lead";
  const page = await listCompanyPage(database().db, {
    adviserScope: lead ? undefined : actor.id,
    search: { folded: foldForSearch(query.q), digits: query.q.replace(/\D/g, "") },
    nextStep: query.next,
    band: query.band,
    sector: query.sector,
    sizeClass: query.size,
    region: query.region,
    questionnaire: query.questionnaire,
    adviser: lead ? query.adviser : undefined,
    partner: lead ? query.partner : undefined,
    sort: query.sort,
    dir: query.dir,
    limit: query.per,
    offset: (query.page - 1) * query.per,
  });
  const advisers = lead
    ? (await listStaff())
        .filter((s) => s.role === "adviser" && s.status === "active")
        .map((s) => ({ id: s.id, name: s.name }))
    : [];
  const partners = lead ? getHubConfig().partners.map((p) => ({ id: p.id, name: p.name })) : [];
  return { ...page, advisers, partners };
}

/** Assigns each of `companyIds` to an adviser (hub lead's bulk assignment); each audit-logged. */
export async function assignCompanies(
  companyIds: readonly string[],
  adviserId: string,
  by: By,
): Promise<number> {
  for (const id of companyIds) await assignCompany(id, adviserId, by);
  return companyIds.length;
}
