/**
 * Which questionnaire an organisation answers (pure): its customer type's main
 * questionnaire first, then the follow-up stages of it (T0 → T1 → T2) and, for industrial
 * companies, the smart industry module.
 */
import { z } from "zod";
import type { AssessmentStatus, Stage } from "../../../db/schema";
import type { Problem } from "./definitions";
import { INDUSTRIAL_SECTORS, type CustomerTypeId, type SectorId } from "./vocabularies";

/** The questionnaire each customer type starts with: the EU DMA for SMEs or for PSOs. */
export const MAIN_DEFINITIONS: Readonly<Record<CustomerTypeId, string>> = {
  sme: "dma-sme",
  pso: "dma-pso",
};
/** The deeper module offered to manufacturing and industrial companies. */
export const SMART_INDUSTRY_DEFINITION_ID = "smart-industry";

/** The stage that follows each stage; T2 is the last follow-up. */
export const NEXT_STAGE: Readonly<Record<Stage, Stage | undefined>> = {
  T0: "T1",
  T1: "T2",
  T2: undefined,
};

/** The results page's form that asks for the follow-up or the smart industry module. */
export const NextAssessmentFormSchema = z.object({
  intent: z.enum(["follow-up", "smart-industry"]),
});

/** A next assessment: the follow-up or the smart industry module. */
export type NextAssessmentKind = z.infer<typeof NextAssessmentFormSchema>["intent"];

interface SubmittedAssessment {
  definition_id: string;
  stage: Stage;
}

/** The organisation's other assessments, as far as the next steps need them. */
interface OtherAssessment {
  definition_id: string;
  stage: Stage;
  status: AssessmentStatus;
}

/** Who took it: a company (with its sectors) or a public sector organisation. */
interface Organisation {
  customer_type: CustomerTypeId;
  primary_sector: string | null;
  secondary_sector: string | null;
}

/** Whether a definition is a customer type's main questionnaire (not a module). */
export function isMainDefinition(definitionId: string): boolean {
  return Object.values(MAIN_DEFINITIONS).includes(definitionId);
}

/** The smart industry module is for companies whose primary or secondary sector is industrial. */
function offersSmartIndustry(organisation: Organisation): boolean {
  return (
    organisation.customer_type === "sme" &&
    [organisation.primary_sector, organisation.secondary_sector].some((sector) =>
      INDUSTRIAL_SECTORS.includes(sector as SectorId),
    )
  );
}

/** Where a next assessment stands: not started, started (in progress) or submitted. */
export type NextAssessmentState = "new" | AssessmentStatus;

/** The state of the organisation's assessment of `definitionId` at `stage`, among `others`. */
function stateOf(others: OtherAssessment[], definitionId: string, stage: Stage) {
  const found = others.find((o) => o.definition_id === definitionId && o.stage === stage);
  return found ? found.status : "new";
}

/**
 * What the results page offers after `assessment`: the main questionnaire's next stage, and
 * the smart industry module to an industrial company, each with where it stands among the
 * organisation's `others` (a submitted one is no longer offered: its own link shows it).
 */
export function offeredNextSteps(
  assessment: SubmittedAssessment,
  organisation: Organisation,
  others: OtherAssessment[],
): {
  followUpStage: Stage | undefined;
  followUpState: NextAssessmentState;
  offerSmartIndustry: boolean;
  smartIndustryState: NextAssessmentState;
} {
  const isMain = isMainDefinition(assessment.definition_id);
  const followUpStage = isMain ? NEXT_STAGE[assessment.stage] : undefined;
  return {
    followUpStage,
    followUpState: followUpStage ? stateOf(others, assessment.definition_id, followUpStage) : "new",
    offerSmartIndustry: isMain && offersSmartIndustry(organisation),
    smartIndustryState: stateOf(others, SMART_INDUSTRY_DEFINITION_ID, assessment.stage),
  };
}

/**
 * Who may have a link to a next assessment, and what asking for one does (decision 010):
 * the holder of the link of the assessment it follows may start it, or — while it is in
 * progress — get a further link to it (every earlier link keeps working). Once it is
 * submitted it is no longer issued from here: its own links open its results, and a lost
 * one is re-issued by the hub. Issuing never disables another link.
 */
export function linkToNextAssessment(
  existing: { status: AssessmentStatus } | undefined,
): { ok: true; create: boolean } | { ok: false; problem: Problem } {
  if (!existing) return { ok: true, create: true };
  if (existing.status === "in_progress") return { ok: true, create: false };
  return {
    ok: false,
    problem: {
      path: "stage",
      message: "it has been submitted already: the link issued for it opens its results",
    },
  };
}

/**
 * The questionnaire and stage of the `kind` of assessment that follows `assessment`: the
 * next stage of the same questionnaire, or the smart industry module at the same stage.
 * A problem (409) when there is none: after T2, from the module itself, or for a public
 * sector organisation (the module is for companies).
 */
export function nextAssessmentOf(
  assessment: SubmittedAssessment,
  kind: NextAssessmentKind,
  organisation: Pick<Organisation, "customer_type">,
): { ok: true; definitionId: string; stage: Stage } | { ok: false; problem: Problem } {
  if (kind === "follow-up") {
    const stage = NEXT_STAGE[assessment.stage];
    return stage
      ? { ok: true, definitionId: assessment.definition_id, stage }
      : { ok: false, problem: { path: "stage", message: "T2 is the last follow-up" } };
  }
  if (assessment.definition_id === SMART_INDUSTRY_DEFINITION_ID) {
    return {
      ok: false,
      problem: { path: "definition", message: "this is the smart industry module" },
    };
  }
  if (organisation.customer_type !== "sme") {
    return {
      ok: false,
      problem: { path: "definition", message: "the smart industry module is for companies" },
    };
  }
  return { ok: true, definitionId: SMART_INDUSTRY_DEFINITION_ID, stage: assessment.stage };
}

/** An assessment of the organisation, as far as the progress comparison needs it. */
interface EarlierAssessment {
  id: string;
  definition_id: string;
  definition_major: number;
  stage: Stage;
  status: AssessmentStatus;
}

const STAGE_ORDER: Readonly<Record<Stage, number>> = { T0: 0, T1: 1, T2: 2 };

/**
 * The assessment a follow-up's progress is measured from: the latest earlier stage of the
 * same questionnaire and major version, submitted (a new major version scores differently,
 * so its numbers are not compared). None for T0.
 */
export function previousAssessmentOf<T extends EarlierAssessment>(
  current: Pick<EarlierAssessment, "id" | "definition_id" | "definition_major" | "stage">,
  others: T[],
): T | undefined {
  return others
    .filter(
      (o) =>
        o.id !== current.id &&
        o.status === "submitted" &&
        o.definition_id === current.definition_id &&
        o.definition_major === current.definition_major &&
        STAGE_ORDER[o.stage] < STAGE_ORDER[current.stage],
    )
    .sort((a, b) => STAGE_ORDER[b.stage] - STAGE_ORDER[a.stage])[0];
}
