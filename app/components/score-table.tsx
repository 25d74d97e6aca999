import type { ScoreChartInput } from "../lib/view/chart-data";

// Rounded as the charts round (chart-data's formatScore: half up from the value settled at
// 6 decimals); not imported from there, so the first load of the page doesn't carry the
// chart builders, which the lazy chunk shares.
const whole = (value: number) => String(Math.round(Math.round(value * 1e6) / 1e6));

export interface ScoreTableProps {
  input: ScoreChartInput;
  caption: string;
  /** Column headers, in the page's language; the peer columns appear only with peers. */
  headers: { dimension: string; score: string; peerMedian: string; peerRange: string };
  /** What a peer cell says where a dimension has no peer group (default "–"). */
  noPeers?: string;
}

/**
 * The charts' numbers as a table, rounded as the charts round them: what screen readers
 * read and what prints with the report. Server-rendered; needs no JavaScript. On a phone
 * the two peer columns show as one ("48 (41–65)"), so that long Swedish area names fit
 * without breaking inside words (charts.css).
 */
export function ScoreTable({ input, caption, headers, noPeers = "–" }: ScoreTableProps) {
  const peers = input.dimensions.some((d) => d.peer !== undefined);
  return (
    <table className="score-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headers.dimension}</th>
          <th scope="col" className="score-table__number">
            {headers.score}
          </th>
          {peers ? (
            <th scope="col" className="score-table__number score-table__wide">
              {headers.peerMedian}
            </th>
          ) : null}
          {peers ? (
            <th scope="col" className="score-table__number score-table__wide">
              {headers.peerRange}
            </th>
          ) : null}
          {peers ? (
            <th scope="col" className="score-table__number score-table__narrow">
              {headers.peerMedian} ({headers.peerRange.toLowerCase()})
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {input.dimensions.map((d) => (
          <tr key={d.id}>
            <th scope="row">{d.label}</th>
            <td className="score-table__number">{whole(d.score)}</td>
            {peers ? (
              <td className="score-table__number score-table__wide">
                {d.peer ? whole(d.peer.median) : noPeers}
              </td>
            ) : null}
            {peers ? (
              <td className="score-table__number score-table__wide">
                {d.peer ? `${whole(d.peer.q1)}–${whole(d.peer.q3)}` : noPeers}
              </td>
            ) : null}
            {peers ? (
              <td className="score-table__number score-table__narrow">
                {d.peer
                  ? `${whole(d.peer.median)} (${whole(d.peer.q1)}–${whole(d.peer.q3)})`
                  : noPeers}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
