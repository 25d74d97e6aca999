/** A dimension's room to improve and the recommended services that answer it. */
export interface Gap {
  id: string;
  label: string;
  score: number;
  /** 100 − score: the room to improve, in points. */
  gap: number;
  /** The order key: gap × (1 + the matching services' weight / 100). */
  priority: number;
  services: { rank: number; name: string; reason: string }[];
  /** The answers behind item-level recommendations of this dimension (their reasons). */
  items: string[];
}

/**
 * The adviser's agenda (pure): every dimension with room to improve, ordered by the gap
 * weighted by the services recommended for it (their stored weight is the engine's gap ×
 * priority), so a wide gap the hub can act on comes first.
 */
export function buildGaps(
  dimensions: readonly { id: string; label: string; score: number }[],
  recommendations: readonly {
    rank: number;
    name: string;
    reason: string;
    dimension: string;
    itemLevel: boolean;
    weight: number;
  }[],
): Gap[] {
  return dimensions
    .map((d) => {
      const matching = recommendations.filter((r) => r.dimension === d.id);
      const weight = matching.reduce((sum, r) => sum + r.weight, 0);
      const gap = Math.max(0, 100 - d.score);
      return {
        id: d.id,
        label: d.label,
        score: d.score,
        gap,
        priority: gap * (1 + weight / 100),
        services: matching.map((r) => ({ rank: r.rank, name: r.name, reason: r.reason })),
        items: matching.filter((r) => r.itemLevel).map((r) => r.reason),
      };
    })
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
}
