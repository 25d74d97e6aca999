import type { SaveResponse } from "./autosave";

/**
 * POSTs a JSON body to the questionnaire's API (autosave, submit) and returns its status,
 * with the first error message of a refusal for the status line.
 */
export async function postJson(url: string, body: unknown): Promise<SaveResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    keepalive: true,
  });
  if (response.ok) return { status: response.status };
  const parsed = (await response.json().catch(() => null)) as {
    errors?: { path: string; message: string }[];
  } | null;
  const first = parsed?.errors?.[0];
  return {
    status: response.status,
    message: first ? `${first.path}: ${first.message}` : undefined,
  };
}
