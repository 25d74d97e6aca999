import { readFileSync } from "node:fs";
import path from "node:path";
import { HubConfigSchema, type HubConfig } from "../core/hub";
import { env } from "./env.server";

/** A bad hub file: one line naming the file and the field. */
export class HubConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HubConfigError";
  }
}

/**
 * Reads and validates `<dir>/hub.json`. Throws a `HubConfigError` whose message is one
 * line: `db/hub/hub.json: partners.2.name: Required`.
 */
export function loadHubConfig(dir: string): HubConfig {
  const file = path.join(dir, "hub.json");
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith("..") ? relative : file;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new HubConfigError(`${shown}: cannot be read as JSON: ${reason}`);
  }
  const parsed = HubConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join(".") : "(file)";
    throw new HubConfigError(`${shown}: ${field}: ${issue.message}`);
  }
  return parsed.data;
}

let cached: HubConfig | undefined;

/** The validated hub configuration of HUB_DIR, read once per process. */
export function getHubConfig(): HubConfig {
  cached ??= loadHubConfig(env().HUB_DIR);
  return cached;
}
