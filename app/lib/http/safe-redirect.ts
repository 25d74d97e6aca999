/**
 * A redirect target that stays on this site: a path starting with a single "/".
 * Anything else (absolute URLs, "//evil.example", backslashes) falls back to `fallback`.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  if (to.includes("\\") || /[\r\n]/.test(to)) return fallback;
  return to;
}
