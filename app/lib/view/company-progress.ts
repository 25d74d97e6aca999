/** The sign and one decimal of a change in points ("+4.2", "−1.0", "±0.0"); "—" for none. */
export function formatChange(change: number | null): string {
  if (change === null) return "—";
  const rounded = Math.round(change * 10) / 10;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : "±"}${Math.abs(rounded).toFixed(1)}`;
}
