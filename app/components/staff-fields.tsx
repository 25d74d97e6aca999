import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { MIN_PASSWORD_LENGTH } from "../lib/core/password-rules";
import { STAFF_ROLES } from "../lib/core/staff-policy";
import { useTranslation } from "./i18n";

/**
 * A password field of a staff form: the current password, a new one (with the rules as
 * a hint and the browser's own length check) or the new one again.
 */
export function PasswordField({
  id,
  name = id,
  label,
  kind,
  invalid,
}: {
  id: string;
  name?: string;
  label: string;
  kind: "current" | "new" | "confirm";
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {kind === "new" ? (
        <p id={hintId} className="field__hint">
          {t("hub.password.hint", { min: MIN_PASSWORD_LENGTH })}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="password"
        autoComplete={kind === "current" ? "current-password" : "new-password"}
        aria-describedby={kind === "new" ? hintId : undefined}
        aria-invalid={invalid ? true : undefined}
        required
        minLength={kind === "new" ? MIN_PASSWORD_LENGTH : undefined}
        maxLength={kind === "current" ? 1000 : 200}
      />
    </div>
  );
}

/** A form's main button, disabled (and optionally relabelled) while the form is sent. */
export function SubmitButton({ children, busy }: { children: ReactNode; busy?: ReactNode }) {
  const submitting = useNavigation().state === "submitting";
  return (
    <button type="submit" className="button button--primary" disabled={submitting}>
      {submitting && busy ? busy : children}
    </button>
  );
}

/** The options of a role select. */
export function RoleOptions() {
  const { t } = useTranslation();
  return STAFF_ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`hub.role.${role}`)}
    </option>
  ));
}

/** The options of a partner-organisation select, "none" first. */
export function PartnerOptions({
  partners,
}: {
  partners: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t("hub.staff.noPartner")}</option>
      {partners.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}
