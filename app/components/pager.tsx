import { Link } from "@remix-run/react";

/**
 * The staff lists' pager: previous and next links around "page N of M", shown when there is
 * more than one page (or `always`). `link(page)` gives each page's URL (the list's state
 * stays in the URL).
 */
export function Pager({
  page,
  pages,
  link,
  labels,
  always = false,
}: {
  page: number;
  pages: number;
  link: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string };
  always?: boolean;
}) {
  if (pages <= 1 && !always) return null;
  return (
    <nav className="pagination" aria-label={labels.nav}>
      {page > 1 ? (
        <Link to={link(page - 1)} rel="prev">
          {labels.previous}
        </Link>
      ) : null}
      <span>{labels.pageOf}</span>
      {page < pages ? (
        <Link to={link(page + 1)} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
