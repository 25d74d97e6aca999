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

/** Saves complete answers to an assessment and submits it through the public API. */
export async function submitViaApi(
  serverUrl: string,
  token: string,
  answers: Record<string, unknown>,
): Promise<void> {
  const api = `${serverUrl}/api/v1/assessments/${token}`;
  const saved = await fetch(`${api}/answers`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ answers }),
  });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${await saved.text()}`);
  const submitted = await fetch(`${api}/submit`, { method: "POST" });
  if (submitted.status !== 200) {
    throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  }
}
