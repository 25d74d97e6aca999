import http from "node:http";

/** What came back: the status, the headers and the body as text. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request sent as it is written (any method, an unnormalised path, any headers,
 * a chunked body when `chunked`), which `fetch` would refuse or rewrite.
 */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  options: {
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunked?: boolean;
    agent?: http.Agent;
    /** Give up (and reject) when no answer comes within this many milliseconds. */
    timeout?: number;
  } = {},
): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined && !options.chunked) {
      headers["Content-Length"] = String(Buffer.byteLength(options.body));
    }
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers,
        agent: options.agent ?? false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    if (options.timeout) {
      request.setTimeout(options.timeout, () => request.destroy(new Error("no answer")));
    }
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

/** Whether a response body shows a stack trace or a path on the server's disk. */
export function showsInternals(body: string): boolean {
  return /\n\s+at \S|node_modules|file:\/\/|\.(?:js|mjs|cjs|ts|tsx):\d+:\d+/.test(body);
}

/** Creates a company's assessment through the API of a running server; its token. */
export async function createAssessmentOn(base: string, profile: Record<string, unknown>) {
  const response = await rawRequest(base, "POST", "/api/v1/assessments", {
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ profile, language: "sv" }),
  });
  if (response.status !== 201) throw new Error(`creation failed: ${response.status}`);
  return JSON.parse(response.body).token as string;
}
