/**
 * The checks every input passes at the server's boundary, before any route sees it: text
 * that PostgreSQL cannot store (NUL) or JSONB cannot hold (lone UTF-16 surrogates), JSON
 * nested so deep that recursive code (an error message's JSON.stringify) overflows the
 * stack, `__proto__` keys, and form bodies whose percent-encoding is broken. Pure.
 */

/** The deepest JSON nesting any body may have; the deepest real answer is 3 levels. */
export const MAX_JSON_DEPTH = 32;

/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted, or undefined when it can. */
export function textProblem(value: string): string | undefined {
  if (value.includes("\u0000")) return "contains a NUL character";
  if (LONE_SURROGATE.test(value)) return "contains a lone UTF-16 surrogate";
  return undefined;
}

/**
 * Why a parsed JSON value cannot be accepted (with the path of the first problem), or
 * undefined. Walks iteratively, so a 100,000-deep array cannot overflow the stack here.
 */
export function jsonValueProblem(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): { path: string; message: string } | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: "(body)", depth: 0 },
  ];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      const problem = textProblem(item.value);
      if (problem) return { path: item.path, message: problem };
      continue;
    }
    if (typeof item.value !== "object" || item.value === null) continue;
    if (item.depth >= maxDepth) {
      return { path: item.path, message: `nested deeper than ${maxDepth} levels` };
    }
    if (Array.isArray(item.value)) {
      item.value.forEach((element, i) =>
        stack.push({ value: element, path: `${item.path}[${i}]`, depth: item.depth + 1 }),
      );
      continue;
    }
    for (const [key, element] of Object.entries(item.value)) {
      const path = item.path === "(body)" ? key : `${item.path}.${key}`;
      if (key === "__proto__") return { path, message: "the key __proto__ is not allowed" };
      const keyProblem = textProblem(key);
      if (keyProblem) return { path, message: `key ${keyProblem}` };
      stack.push({ value: element, path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/**
 * Parses an `application/x-www-form-urlencoded` body strictly: a malformed percent-encoding
 * or bytes that are not UTF-8 are an error (where URLSearchParams would silently put
 * U+FFFD), as is any NUL or lone surrogate in a name or value.
 */
export function parseFormStrict(
  body: string,
): { ok: true; entries: [string, string][] } | { ok: false; message: string } {
  const entries: [string, string][] = [];
  if (body === "") return { ok: true, entries };
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const rawName = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? "" : pair.slice(equals + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, " "));
      value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    } catch {
      return { ok: false, message: "the form body has a malformed percent-encoding" };
    }
    const problem = textProblem(name) ?? textProblem(value);
    if (problem) return { ok: false, message: `a form field ${problem}` };
    entries.push([name, value]);
  }
  return { ok: true, entries };
}

/**
 * Why a request target (path and query, as sent) cannot be accepted: a malformed
 * percent-encoding, or an encoded NUL. Undefined when it is fine.
 */
export function requestTargetProblem(target: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.replace(/\+/g, " "));
  } catch {
    return "the address has a malformed percent-encoding";
  }
  return textProblem(decoded) ? "the address contains a NUL character" : undefined;
}

/**
 * Whether a name has something a person can read: at least one letter or digit. Names made
 * only of zero-width, format or control characters (or punctuation) are refused.
 */
export function isReadableName(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value) && !/\p{Cc}/u.test(value);
}
