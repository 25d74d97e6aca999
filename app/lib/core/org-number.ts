/**
 * Swedish organisationsnummer: 10 digits (optionally written NNNNNN-NNNN, or with a
 * 16/19/20 century prefix for sole traders' personnummer), the last a Luhn check digit.
 */

/** Luhn check digit of a string of digits (the digit that makes the whole sum valid). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Normalises a Swedish organisation number to its 10 digits, or returns null when it is
 * not one (wrong length, letters, or a failing check digit).
 */
export function normaliseSwedishOrgNumber(input: string): string | null {
  const compact = input.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(compact)) return null;
  const ten = compact.length === 12 ? compact.slice(2) : compact;
  if (ten.length !== 10) return null;
  return luhnCheckDigit(ten.slice(0, 9)) === Number(ten[9]) ? ten : null;
}

/** Formats 10 digits as NNNNNN-NNNN. */
export function formatSwedishOrgNumber(tenDigits: string): string {
  return `${tenDigits.slice(0, 6)}-${tenDigits.slice(6)}`;
}

/**
 * An organisation number as staff read it: a Swedish one (10 digits, as stored) as
 * NNNNNN-NNNN, anything else (another country's, or none: "—") as it is.
 */
export function displayOrgNumber(stored: string | null): string {
  if (stored === null) return "—";
  return /^\d{10}$/.test(stored) ? formatSwedishOrgNumber(stored) : stored;
}
