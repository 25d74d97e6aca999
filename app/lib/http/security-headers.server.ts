import { randomBytes } from "node:crypto";

/** A fresh nonce for the inline scripts that Remix renders (hydration data). */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The security headers of every response. The CSP allows only the app's own origin;
 * inline scripts need the per-request nonce. Inline styles are allowed: SurveyJS injects
 * style elements and both SurveyJS and Chart.js set style attributes, and neither can
 * carry a nonce. Scripts, the real injection risk, stay nonce-only. Over HTTPS (as a
 * trusted proxy reports it: TRUST_PROXY) browsers are told to use nothing else for a year.
 */
export function securityHeaders(
  nonce: string,
  options: { https?: boolean } = {},
): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    ...(options.https
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}
