import {
  assignmentsOf,
  findCompanySummary,
  listCompaniesForAdviser,
  searchCompanies,
  type CompanySummary,
} from "../../../db/queries/company-assignments";
import {
  deleteAssignment,
  findUserById,
  insertAssignment,
  isUuid,
} from "../../../db/queries/staff";
import type { Actor } from "../core/staff-policy";
import { audit } from "./audit.server";
import { database } from "./db.server";
import { StaffError, type By } from "./staff.server";
import { withCompanyChange } from "./company-changes.server";

export type { CompanySummary };

/** The companies an adviser sees: assigned to them and consenting. */
export async function companiesOfAdviser(actor: Pick<Actor, "id">): Promise<CompanySummary[]> {
  return listCompaniesForAdviser(database().db, actor.id);
}

/** Companies matching a name or org number, each with its advisers' ids (hub lead). */
export async function findCompaniesToAssign(query: string) {
  const { db } = database();
  const companies = await searchCompanies(db, query, 25);
  const assignments = await assignmentsOf(
    db,
    companies.map((c) => c.id),
  );
  return companies.map((company) => ({
    ...company,
    adviserIds: assignments.filter((a) => a.company_id === company.id).map((a) => a.user_id),
  }));
}

async function checkAssignment(companyId: string, adviserId: string): Promise<void> {
  const { db } = database();
  const adviser = await findUserById(db, adviserId);
  if (!adviser || adviser.role !== "adviser" || adviser.status !== "active") {
    throw new StaffError("unknown-user", "adviserId");
  }
  if (!isUuid(companyId) || !(await findCompanySummary(db, companyId))) {
    throw new AssignmentError("unknown-company");
  }
}

/** A company or an adviser that does not exist. */
export class AssignmentError extends Error {
  constructor(readonly code: "unknown-company") {
    super(code);
    this.name = "AssignmentError";
  }
}

/** Assigns a company to an adviser (idempotent); audit-logged when it changed anything. */
export async function assignCompany(companyId: string, adviserId: string, by: By): Promise<void> {
  await checkAssignment(companyId, adviserId);
  await database()
    .db.transaction()
    .execute(async (trx) => {
      // The company's partner organisation on the dashboard follows its first adviser.
      const inserted = await withCompanyChange(trx, [companyId], () =>
        insertAssignment(trx, {
          company_id: companyId,
          user_id: adviserId,
          assigned_by: by.actor?.id ?? null,
        }),
      );
      if (inserted) {
        await audit(
          {
            actor: by.actor,
            action: "company.assigned",
            target: { type: "company", id: companyId },
            details: { adviserId },
            ip: by.ip,
          },
          trx,
        );
      }
    });
}

/** Removes an adviser from a company (idempotent); audit-logged when it changed anything. */
export async function unassignCompany(companyId: string, adviserId: string, by: By): Promise<void> {
  if (!isUuid(companyId) || !isUuid(adviserId)) throw new AssignmentError("unknown-company");
  await database()
    .db.transaction()
    .execute(async (trx) => {
      const deleted = await withCompanyChange(trx, [companyId], () =>
        deleteAssignment(trx, companyId, adviserId),
      );
      if (deleted) {
        await audit(
          {
            actor: by.actor,
            action: "company.unassigned",
            target: { type: "company", id: companyId },
            details: { adviserId },
            ip: by.ip,
          },
          trx,
        );
      }
    });
}
