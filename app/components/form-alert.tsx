import { useEffect, useRef, type ReactNode } from "react";

/**
 * A form's error message, announced and focused each time a submission comes back with
 * one (`result` changes), so keyboard and screen-reader users land on it.
 */
export function FormAlert({ result, children }: { result: unknown; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} data-testid="form-alert">
      {children}
    </div>
  );
}

/** A field in error as the summary lists it: its id on the page, label and message. */
export interface FieldError {
  id: string;
  label: string;
  message: string;
}

/**
 * The fields in error, each a link to its field (the browser moves focus there), in the
 * form's order: the list inside a form's error summary.
 */
export function FieldErrorList({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="error-summary__list">
      {errors.map((error) => (
        <li key={error.id}>
          <a
            href={`#${error.id}`}
            onClick={(event) => {
              // Following the link only scrolls; the field should also have the focus.
              const field = document.getElementById(error.id);
              if (!field) return;
              event.preventDefault();
              field.focus();
              field.scrollIntoView({ block: "center" });
            }}
          >
            {error.label}: {error.message}
          </a>
        </li>
      ))}
    </ul>
  );
}
