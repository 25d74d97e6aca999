/** The shortest password a staff member may choose. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest (hashing a megabyte is a denial-of-service, not a password). */
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = "too-short" | "too-long" | "too-common";

/**
 * Why a new password is refused, or null when it is acceptable: at least 12 characters
 * (counted as the person sees them), at most 200, and not one of the most common
 * passwords (`isCommon`, case-insensitive).
 */
export function passwordProblem(
  password: string,
  isCommon: (lowerCased: string) => boolean,
): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "too-short";
  if (length > MAX_PASSWORD_LENGTH) return "too-long";
  if (isCommon(password.toLowerCase())) return "too-common";
  return null;
}
