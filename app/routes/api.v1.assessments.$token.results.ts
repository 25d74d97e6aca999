import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiRoute } from "../lib/http/api.server";
import { getResults } from "../lib/server/assessments.server";
import { COARSE_BELOW, COARSE_STEP, PRIVACY_FLOOR } from "../lib/core/benchmark";
// Histograms hold tenths of a point; more decimals would be false precision.
import { tenthsScore } from "../lib/core/scoring";

export const { loader, action } = apiRoute({ GET: showResults });

/** GET /api/v1/assessments/:token/results: the stored scores and band, the peer
 * comparison and the recommended services (409 until submitted). */
async function showResults({ params }: LoaderFunctionArgs) {
  const { assessment, company, entry, result, peers, recommendations } = await getResults(
    params.token,
  );
  return Response.json(
    {
      customerType: company.customer_type,
      definition: { id: entry.id, version: entry.version, hash: entry.hash },
      stage: assessment.stage,
      submittedAt: result.submittedAt,
      overall: result.overall,
      band: result.band,
      dimensions: result.dimensions,
      peers: {
        privacyFloor: PRIVACY_FLOOR,
        // Groups under this size are coarsened: rounded figures, a position, no percentile.
        coarseBelow: COARSE_BELOW,
        coarseStep: COARSE_STEP,
        chosen: peers.chosen?.kind ?? null,
        // A group below the floor shows nothing, not even its size.
        groups: peers.groups.map((group) =>
          group.shown
            ? {
                ...group,
                metrics: Object.fromEntries(
                  Object.entries(group.metrics).map(([metric, stats]) => [
                    metric,
                    group.coarse
                      ? {
                          median: stats.median,
                          q1: stats.q1,
                          q3: stats.q3,
                          position: stats.position,
                        }
                      : {
                          median: tenthsScore(stats.median),
                          q1: tenthsScore(stats.q1),
                          q3: tenthsScore(stats.q3),
                          percentile: tenthsScore(stats.percentile ?? 0),
                        },
                  ]),
                ),
              }
            : group,
        ),
        strengths: peers.strengths,
      },
      recommendations,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
