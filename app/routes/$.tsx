/**
 * Every unknown URL. Throwing here (rather than letting the router find no match) makes
 * the root loader run, so the 404 page is rendered in the visitor's language.
 */
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export function action() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
