import { Link } from "@remix-run/react";
import type { Progress } from "../lib/view/company-progress";
import { CompanyFollowUps, type FollowUpItem } from "./company-follow-ups";
import { CompanyLatestResults, type LatestResults } from "./company-latest-results";
import { CompanyNotes, type NoteItem } from "./company-notes";
import { CompanyProgress } from "./company-progress";
import { DeliveredServices, type DeliveredChoices, type DeliveredItem } from "./delivered-services";
import { useTranslation } from "./i18n";

/** What the company page's loader gives the workspace (serialised companyWorkspace). */
export interface WorkspaceData {
  progress: Progress[];
  latest?: LatestResults;
  followUps: FollowUpItem[];
  notes: NoteItem[];
  delivered: DeliveredItem[];
  choices: DeliveredChoices;
}

export interface WorkspacePermissions {
  note: boolean;
  service: boolean;
  followUp: boolean;
  export: boolean;
  erase: boolean;
}

/**
 * The adviser's workspace on the company page, below the profile and assessments: the
 * brief, progress, follow-ups, the latest results with the gaps, notes and delivered
 * services.
 */
export function CompanyWorkspace({
  companyId,
  workspace,
  permissions,
  hub,
}: {
  companyId: string;
  workspace: WorkspaceData;
  permissions: WorkspacePermissions;
  hub: { name: string; email: string; url: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="no-print">
        <p className="button-row">
          <Link
            to={`/hub/companies/${companyId}/brief`}
            className="button"
            data-testid="brief-link"
          >
            {t("adviser.brief.open")}
          </Link>
        </p>
      </div>
      <CompanyProgress progress={workspace.progress} />
      <CompanyFollowUps
        companyId={companyId}
        items={workspace.followUps}
        canIssue={permissions.followUp}
      />
      {workspace.latest ? <CompanyLatestResults latest={workspace.latest} hub={hub} /> : null}
      {permissions.note ? <CompanyNotes companyId={companyId} notes={workspace.notes} /> : null}
      <DeliveredServices
        companyId={companyId}
        items={workspace.delivered}
        choices={workspace.choices}
        canRecord={permissions.service}
      />
    </>
  );
}
