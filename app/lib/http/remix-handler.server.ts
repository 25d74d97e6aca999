/**
 * Remix behind Express, as `@remix-run/express`'s handler but with two differences that
 * make the boundary hold: the body Remix reads is the one `checkedBody` already read and
 * checked (never the raw socket), and the request's URL is built on the configured public
 * origin (`PUBLIC_URL`), never on the client's `Host` header — so no link the app builds
 * from `request.url` can point elsewhere.
 */
import {
  createRequestHandler,
  type ActionFunctionArgs,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
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
  const remix = createRequestHandler(options.build, options.mode);
  const api = apiRoutesOf(options.build);
  return async (req, res, next) => {
    try {
      // Concatenated, not resolved: a target such as "//evil.example/x" stays a path.
      const url = new URL(options.publicOrigin() + req.originalUrl);
      const direct = matchApiRoute(api, url);
      const body = (res.locals.body as CheckedBody | undefined)?.bytes;
      const request = new Request(url, {
        method: req.method,
        headers: headersOf(req.headers),
        // Remix's loaders and actions learn of a client that hung up. The JSON API's answers
        // are short and never look: a signal given to a Request costs undici a WeakRef and a
        // FinalizationRegistry entry, which keep 2.4 KB a request alive past the young
        // generation's collections, for the old generation's to free (decision 038).
        signal: direct ? undefined : abortedWhenClosed(res),
        body:
          req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body ?? []),
      });
      const context = options.getLoadContext(req, res);
      let response = await (direct
        ? answerDirectly(direct, request, context)
        : remix(request, context));
      if (isPrivatePath(req.path)) response = withHeader(response, "Cache-Control", "no-store");
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * A resource route of the JSON API (`app/routes/api.*`), matched here rather than by Remix.
 * Remix matches every request against the whole route tree (flattened and ranked again on
 * each request, twice for a resource route): about a tenth of a worker's CPU under
 * autosave. The API's routes are flat leaf resource routes with no UI, so their match is a
 * comparison of path segments, and Remix's resource-route handling is a call of the route's
 * loader (GET, HEAD) or action (other methods) with the request, the params and the load
 * context (decision 034). Anything else, or anything this does not match, goes to Remix.
 */
export interface ApiRoute {
  id: string;
  /** The path's segments; a `:name` segment is a param. */
  segments: string[];
  loader: (args: ActionFunctionArgs) => Promise<Response>;
  action: (args: ActionFunctionArgs) => Promise<Response>;
}

export function apiRoutesOf(build: Pick<ServerBuild, "routes">): ApiRoute[] {
  // A route's path is relative to its parent's (`api.v1.assessments.$token.answers` is
  // "answers" under ":token" under "api/v1/assessments").
  const fullPath = (id: string | undefined): string => {
    const route = id === undefined ? undefined : build.routes[id];
    if (!route) return "";
    const parent = fullPath(route.parentId);
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  const routes: ApiRoute[] = [];
  for (const route of Object.values(build.routes)) {
    const { module } = route;
    const path = fullPath(route.id);
    if (
      !path.startsWith("api/") ||
      route.index ||
      module.default ||
      module.ErrorBoundary ||
      !module.loader ||
      !module.action
    ) {
      continue;
    }
    routes.push({
      id: route.id,
      segments: path.split("/"),
      loader: module.loader as ApiRoute["loader"],
      action: module.action as ApiRoute["action"],
    });
  }
  // Where a static segment and a param could both match, the static one wins (as in Remix).
  const statics = (r: ApiRoute) => r.segments.filter((s) => !s.startsWith(":")).length;
  return routes.sort((a, b) => statics(b) - statics(a));
}

export function matchApiRoute(
  routes: ApiRoute[],
  url: URL,
): { route: ApiRoute; params: Record<string, string> } | undefined {
  // Remix's data requests (`?_data=`) keep Remix's own handling.
  if (!url.pathname.startsWith("/api/") || url.search.includes("_data")) return undefined;
  const parts = url.pathname.slice(1).split("/");
  if (parts.at(-1) === "") parts.pop();
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < parts.length && matched; i++) {
      const segment = route.segments[i];
      if (!segment.startsWith(":")) matched = segment === parts[i];
      else if (parts[i] === "") matched = false;
      else {
        try {
          params[segment.slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          return undefined;
        }
      }
    }
    if (matched) return { route, params };
  }
  return undefined;
}

async function answerDirectly(
  { route, params }: { route: ApiRoute; params: Record<string, string> },
  request: Request,
  context: AppLoadContext,
): Promise<Response> {
  const read = request.method === "GET" || request.method === "HEAD";
  const response = await (read ? route.loader : route.action)({ request, params, context });
  return request.method === "HEAD"
    ? new Response(null, {
        headers: response.headers,
        status: response.status,
        statusText: response.statusText,
      })
    : response;
}

/** A signal that aborts when the client closes the connection before the response is sent. */
function abortedWhenClosed(res: ExpressResponse): AbortSignal {
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => {
    if (!finished) controller.abort();
  });
  return controller.signal;
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
  if (!response.body) res.end();
  // JSON (the API's answers, Remix's data) is made whole before it is sent: written in one
  // piece, the headers and the body leave in one write with a Content-Length, rather than
  // as a chunked stream of three writes.
  else if (response.headers.get("Content-Type")?.startsWith("application/json")) {
    res.end(new Uint8Array(await response.arrayBuffer()));
  } else await writeBody(response.body, res);
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
