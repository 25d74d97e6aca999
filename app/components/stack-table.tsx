import type { ReactNode } from "react";

/**
 * A staff table that scrolls sideways when wide and stacks its cells (with their
 * `data-label`) on a phone, with a caption for screen readers; or the empty state's
 * sentence when there are no rows.
 */
export function StackTable({
  caption,
  testId,
  head,
  empty,
  children,
}: {
  caption: string;
  testId: string;
  head: ReactNode;
  /** Shown instead of the table when there are no rows. */
  empty?: { text: string; testId: string };
  children: ReactNode;
}) {
  if (empty) {
    return (
      <p className="note" data-testid={empty.testId}>
        {empty.text}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table data-table--stack" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
