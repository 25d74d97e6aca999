import { action as createAction } from "../../app/routes/api.v1.assessments";
import { loader as stateLoader } from "../../app/routes/api.v1.assessments.$token";
import { action as answersAction } from "../../app/routes/api.v1.assessments.$token.answers";
import { loader as resultsLoader } from "../../app/routes/api.v1.assessments.$token.results";
import { action as submitAction } from "../../app/routes/api.v1.assessments.$token.submit";
import { routeArgs } from "./route-args";

/** The assessments API, called through its route modules as Remix would call them. */
export const apiBase = "http://localhost/api/v1/assessments";

/** A request with a JSON body (a string is sent as it is). */
export function jsonRequest(url: string, body: unknown, method = "POST"): Request {
  return new Request(url, { method, body: typeof body === "string" ? body : JSON.stringify(body) });
}

let creations = 0;

/**
 * POST /api/v1/assessments. Each call comes from a new client address unless one is given:
 * the rate limit counts per address.
 */
export function createViaApi(
  profile: Record<string, unknown>,
  clientAddress = `10.0.${creations >> 8}.${creations++ & 255}`,
): Promise<Response> {
  return createAction(
    routeArgs(jsonRequest(apiBase, { profile, language: "sv" }), {}, { clientAddress }),
  );
}

export const saveViaApi = (token: string, body: unknown) =>
  answersAction(routeArgs(jsonRequest(`${apiBase}/${token}/answers`, body), { token }));
export const submitViaApi = (token: string) =>
  submitAction(routeArgs(jsonRequest(`${apiBase}/${token}/submit`, ""), { token }));
export const stateViaApi = (token: string) =>
  stateLoader(routeArgs(new Request(`${apiBase}/${token}`), { token }));
export const resultsViaApi = (token: string) =>
  resultsLoader(routeArgs(new Request(`${apiBase}/${token}/results`), { token }));
