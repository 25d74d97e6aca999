/** A stand-in origin: only whether a target stays on it matters, not what it is. */
const HERE = "http://mognad.invalid";

/**
 * A redirect target that stays on this site, or `fallback`. The value must be a path
 * ("/…"); it is resolved as a browser would (`new URL(value, origin)`) and must keep the
 * origin, so "//evil.example", "/\evil.example" and "/\t/evil.example" (browsers drop tabs
 * and newlines) are refused, as is any control or whitespace character anywhere. The
 * answer is the resolved path, percent-encoded, so it is always a valid Location header.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  if (/[\s\p{Cc}]/u.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  return url.pathname + url.search + url.hash;
}
