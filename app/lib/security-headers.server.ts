import { randomBytes } from "node:crypto";

/** A fresh nonce for the inline scripts that Remix renders (hydration data). */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The security headers of every response. The CSP allows only the app's own origin;
 * inline scripts need the per-request nonce. Inline style *attributes* are allowed
 * because SurveyJS and Chart.js position elements with them; style elements are not.
 */
export function securityHeaders(nonce: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}
