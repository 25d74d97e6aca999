/**
 * Remix behind Express, as `@remix-run/express`'s handler but with two differences that
 * make the boundary hold: the body Remix reads is the one `checkedBody` already read and
 * checked (never the raw socket), and the request's URL is built on the configured public
 * origin (`PUBLIC_URL`), never on the client's `Host` header — so no link the app builds
 * from `request.url` can point elsewhere.
 */
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { IncomingHttpHeaders } from "node:http";
import type {
  Request as ExpressRequest,
  RequestHandler,
  Response as ExpressResponse,
} from "express";
import type { CheckedBody } from "./boundary.server";

/** Paths whose pages and data belong to one respondent or one staff member: never cached. */
export function isPrivatePath(path: string): boolean {
  return (
    path.startsWith("/a/") ||
    path === "/api/v1/assessments" ||
    path.startsWith("/api/v1/assessments/") ||
    path === "/hub" ||
    path.startsWith("/hub/") ||
    path.startsWith("/hub.")
  );
}

/** The Express handler that answers every request that reaches it with Remix. */
export function remixHandler(options: {
  build: ServerBuild;
  mode: string;
  publicOrigin: () => string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}): RequestHandler {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    try {
      const controller = new AbortController();
      let finished = false;
      res.on("finish", () => (finished = true));
      res.on("close", () => {
        if (!finished) controller.abort();
      });
      const body = (res.locals.body as CheckedBody | undefined)?.bytes;
      // Concatenated, not resolved: a target such as "//evil.example/x" stays a path.
      const request = new Request(new URL(options.publicOrigin() + req.originalUrl), {
        method: req.method,
        headers: headersOf(req.headers),
        signal: controller.signal,
        body:
          req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body ?? []),
      });
      let response = await handle(request, options.getLoadContext(req, res));
      if (isPrivatePath(req.path)) response = withHeader(response, "Cache-Control", "no-store");
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** The response with a header set (a copy when its headers are immutable, as a redirect's). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

function headersOf(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Writes a Fetch response to Express (headers Express already holds are kept). */
async function send(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeBody(response.body, res);
  else res.end();
}

/** What `writeBody` writes to: a Node response, flushable when the compression middleware wraps it. */
export interface BodySink {
  write(chunk: Uint8Array): boolean;
  end(): void;
  destroy(error?: Error): void;
  readonly destroyed: boolean;
  flush?: () => void;
  once(event: "drain" | "close", listener: () => void): unknown;
  off(event: "drain" | "close", listener: () => void): unknown;
}

/**
 * Writes a response body as the client takes it: after a chunk the socket cannot take at
 * once, the next is read only on `drain` (Remix's own writer reads on regardless, so a
 * slow client of a streamed export made the server hold the whole file), and a client
 * that goes away cancels the body (an abandoned export stops reading the database).
 * Each chunk is flushed through the compression middleware, so streamed pages arrive as
 * they are rendered.
 */
export async function writeBody(body: ReadableStream<Uint8Array>, sink: BodySink): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (sink.destroyed) {
        await reader.cancel();
        return;
      }
      const more = sink.write(value);
      sink.flush?.();
      if (!more) await drainedOrClosed(sink);
    }
    sink.end();
  } catch (error) {
    sink.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

function drainedOrClosed(sink: BodySink): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      sink.off("drain", done);
      sink.off("close", done);
      resolve();
    };
    sink.once("drain", done);
    sink.once("close", done);
  });
}
