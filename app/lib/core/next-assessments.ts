/**
 * What a company may take after a submitted assessment (pure): the follow-up stages of the
 * same questionnaire (T0 → T1 → T2) and, for industrial companies, the smart industry module.
 */
import { z } from "zod";
import type { Stage } from "../../../db/schema";
import type { Problem } from "./definitions";
import { INDUSTRIAL_SECTORS, type SectorId } from "./vocabularies";

/** The questionnaire every company starts with. */
export const MAIN_DEFINITION_ID = "dma-sme";
/** The deeper module offered to manufacturing and industrial firms. */
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

/**
 * What the results page offers after `assessment`: the main questionnaire's next stage, and
 * the smart industry module when the company's primary or secondary sector is industrial.
 */
export function offeredNextSteps(
  assessment: SubmittedAssessment,
  company: { primary_sector: string; secondary_sector: string | null },
): { followUpStage: Stage | undefined; offerSmartIndustry: boolean } {
  const isMain = assessment.definition_id === MAIN_DEFINITION_ID;
  return {
    followUpStage: isMain ? NEXT_STAGE[assessment.stage] : undefined,
    offerSmartIndustry:
      isMain &&
      [company.primary_sector, company.secondary_sector].some((sector) =>
        INDUSTRIAL_SECTORS.includes(sector as SectorId),
      ),
  };
}

/**
 * The questionnaire and stage of the `kind` of assessment that follows `assessment`: the
 * next stage of the same questionnaire, or the smart industry module at the same stage.
 * A problem (409) when there is none: after T2, or from the module itself.
 */
export function nextAssessmentOf(
  assessment: SubmittedAssessment,
  kind: NextAssessmentKind,
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
  return { ok: true, definitionId: SMART_INDUSTRY_DEFINITION_ID, stage: assessment.stage };
}
