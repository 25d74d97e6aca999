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
