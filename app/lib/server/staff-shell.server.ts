import { partnerName } from "../core/hub";
import { navigationFor, type Actor } from "../core/staff-policy";
import { getHubConfig } from "./hub.server";

/** What the staff shell shows: the hub's name, the person signed in and their navigation. */
export function staffShell(actor: Actor | undefined) {
  const hub = getHubConfig();
  return {
    hubName: hub.name,
    person: actor
      ? {
          name: actor.name,
          email: actor.email,
          role: actor.role,
          partnerName: partnerName(hub, actor.partnerId) ?? null,
        }
      : null,
    navigation: actor ? navigationFor(actor).map(({ id, path }) => ({ id, path })) : [],
  };
}
