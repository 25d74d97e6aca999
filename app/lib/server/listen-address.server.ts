import type { AddressInfo } from "node:net";

/**
 * The address the server really listens on, as a URL to open: the bound host and port
 * (IPv6 in brackets). Bound to every interface (0.0.0.0 or ::), it names localhost and
 * says so, since the unspecified address is not one a browser can open.
 */
export function listenUrl(address: AddressInfo): string {
  const { address: host, family, port } = address;
  if (host === "0.0.0.0" || host === "::") {
    return `http://localhost:${port} (all ${family === "IPv6" ? "IPv6 and IPv4 " : "IPv4 "}interfaces)`;
  }
  return family === "IPv6" ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}
