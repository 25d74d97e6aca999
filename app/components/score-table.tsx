import type { ScoreChartInput } from "../lib/chart-data";

/** The charts' numbers as a table: readable by screen readers, and printed with the report. */
export function ScoreTable(props: {
  input: ScoreChartInput;
  caption: string;
  headers: { dimension: string; score: string; peerMedian: string; peerRange: string };
}) {
  const { input, caption, headers } = props;
  const peers = input.dimensions.some((d) => d.peer);
  return (
    <table className="score-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headers.dimension}</th>
          <th scope="col">{headers.score}</th>
          {peers ? <th scope="col">{headers.peerMedian}</th> : null}
          {peers ? <th scope="col">{headers.peerRange}</th> : null}
        </tr>
      </thead>
      <tbody>
        {input.dimensions.map((d) => (
          <tr key={d.id}>
            <th scope="row">{d.label}</th>
            <td>{Math.round(d.score)}</td>
            {peers ? <td>{d.peer ? Math.round(d.peer.median) : "–"}</td> : null}
            {peers ? (
              <td>{d.peer ? `${Math.round(d.peer.q1)}–${Math.round(d.peer.q3)}` : "–"}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
