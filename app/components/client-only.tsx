import { useEffect, useState, type ReactNode } from "react";

/** True after hydration; false during the server render and the first client render. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Renders `children` only in the browser, after hydration; `fallback` before. */
export function ClientOnly({
  children,
  fallback = null,
}: {
  children: () => ReactNode;
  fallback?: ReactNode;
}) {
  return useHydrated() ? <>{children()}</> : <>{fallback}</>;
}
