import { psoProfile } from "../helpers/profiles";

const smeProfile = {
  companyName: "Sölvesborg Energi AB",
  orgNumber: "556036-0793",
  sizeClass: "small",
  primarySector: "manufacturing",
  region: "blekinge",
  contactName: "Per Holm",
  contactEmail: "per@example.se",
};

/** Creates an organisation and its T0 assessment through the public API; returns its token. */
export async function createAssessmentViaApi(
  serverUrl: string,
  options: { language?: "sv" | "en"; customerType?: "sme" | "pso" } = {},
): Promise<string> {
  const profile = options.customerType === "pso" ? psoProfile : smeProfile;
  const response = await fetch(`${serverUrl}/api/v1/assessments`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ language: options.language ?? "en", profile }),
  });
  if (response.status !== 201)
    throw new Error(`create: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
