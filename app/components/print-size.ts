import { useEffect } from "react";

/** What usePrintSize needs of a Chart.js chart. */
export interface Resizable {
  resize(width?: number, height?: number): void;
  options: { devicePixelRatio?: number };
}

/**
 * Redraws a chart at its printed size (CSS pixels) while the page prints: Chart.js does
 * not follow print layout by itself, and a screen-sized bitmap would print stretched,
 * blurred or cut off at the edge of a column narrower on paper than on screen. Printed at
 * twice the pixel density for paper.
 */
export function usePrintSize(
  chart: { current: Resizable | null | undefined },
  width: number,
  height: number,
) {
  useEffect(() => {
    let screenRatio: number | undefined;
    const beforePrint = () => {
      if (!chart.current) return;
      screenRatio = chart.current.options.devicePixelRatio;
      chart.current.options.devicePixelRatio = Math.max(window.devicePixelRatio, 2);
      chart.current.resize(width, height);
    };
    const afterPrint = () => {
      if (!chart.current) return;
      chart.current.options.devicePixelRatio = screenRatio;
      chart.current.resize();
    };
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    return () => {
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
    };
  }, [chart, width, height]);
}
