/**
 * Property-based fuzzing of every public endpoint and form action of the production
 * server: arbitrary JSON, strings of every Unicode category (lone surrogates, NUL, zero-width
 * and control characters), deep nesting, wrong content types and methods, broken
 * percent-encodings. Whatever is sent: never a 5xx, never a dropped connection, never a
 * stack or a server path in the answer, and no stored row changes when the answer is a 4xx.
 *
 * `FUZZ_RUNS` cases per endpoint (200 in the test suite; `npm run fuzz` runs 2,000).
 */
import http from "node:http";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { questionIndex } from "../../app/lib/core/definitions";
import { loadDefinition } from "../helpers/definitions";
import { smeProfile } from "../helpers/profiles";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { templateFor } from "../helpers/database-templates";
import { createScratchDatabase } from "../helpers/test-db";
import { rawRequest, showsInternals, type RawResponse } from "./raw-http";
import { startServer, type RunningServer } from "./server";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const dma = loadDefinition("dma-sme", "1.1.0");

// ---- What is sent ----

/** Strings a careless parser chokes on, mixed into the random ones. */
const nasty = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00",
  "\udc00\ud800",
  "\u200b\u200b",
  "\u202e",
  "\ufeff",
  "__proto__",
  "constructor",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%00",
  "%C0%AF",
  "%E0%A4%A",
  "/\t/evil.example",
  "//evil.example",
  "\r\nSet-Cookie: x=1",
  "😀".repeat(50),
  "a".repeat(5000),
  "",
);

const anyString = fc.oneof(
  nasty,
  fc.string(),
  fc.fullUnicodeString(),
  fc.string16bits(), // includes lone surrogates
  fc.hexaString(),
);

/** JSON values whose strings and keys come from `anyString`, a few levels deep. */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    anyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(anyString, tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** A JSON text nested `depth` deep (written out: JSON.stringify would itself recurse). */
const deepJson = fc
  .tuple(fc.integer({ min: 20, max: 8000 }), fc.constantFrom("[", '{"a":'))
  .map(([depth, open]) => {
    const close = open === "[" ? "]" : "}";
    return `{"answers":{"q1":${open.repeat(depth)}1${close.repeat(depth)}}}`;
  });

const questionNames = [...questionIndex(dma).byName.keys()];

/** Answers: real and unknown question names with any values, or nearly right ones. */
const answers = fc.dictionary(
  fc.oneof(fc.constantFrom(...questionNames), anyString) as fc.Arbitrary<string>,
  fc.oneof(jsonValue, fc.array(fc.integer({ min: -2, max: 12 })), fc.constant(null)),
  { maxKeys: 6 },
);

/** A profile: the valid one with some fields replaced by anything. */
const profile = fc
  .dictionary(
    fc.constantFrom(
      ...Object.keys(smeProfile),
      "customerType",
      "organisationName",
      "consentBenchmark",
      "__proto__",
    ),
    fc.oneof(anyString, jsonValue),
    { maxKeys: 4 },
  )
  .map((changes) => ({ ...smeProfile, ...changes }));

interface Body {
  contentType?: string;
  body?: string | Buffer;
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "text/plain",
  "application/xml",
  undefined,
];

/** Bodies of any kind: the right content type with wrong contents, or the wrong type. */
function bodies(json: fc.Arbitrary<unknown>, form: fc.Arbitrary<Record<string, string>>) {
  const jsonBody = fc.oneof(
    json.map((v) => JSON.stringify(v) ?? "null"),
    jsonValue.map((v) => JSON.stringify(v) ?? "null"),
    deepJson,
    anyString,
  );
  const formBody = fc.oneof(
    form.map((fields) => new URLSearchParams(fields).toString()),
    anyString,
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: jsonBody.map((body): Body => ({ contentType: "application/json", body })),
    },
    {
      weight: 3,
      arbitrary: formBody.map((body): Body => ({
        contentType: "application/x-www-form-urlencoded",
        body,
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...CONTENT_TYPES), fc.oneof(jsonBody, formBody))
        .map(([contentType, body]): Body => ({ contentType, body })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({}) },
  );
}

const formFields = fc.dictionary(
  fc.oneof(
    fc.constantFrom("lng", "redirectTo", "intent", "email", "password", "customerType"),
    anyString,
  ),
  anyString,
  { maxKeys: 5 },
);

/** A path segment: a real-looking token, anything, or a broken encoding. */
const segment = fc.oneof(
  fc.constantFrom("TOKEN", "SUBMITTED", "%C0%AF", "%", "%00", "..", "a%2Fb"),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.fullUnicodeString({ minLength: 1, maxLength: 10 }).map(encodeURIComponent),
  fc.base64String({ minLength: 32, maxLength: 32 }),
);

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"];

interface Endpoint {
  name: string;
  method: string;
  path: fc.Arbitrary<string>;
  body?: fc.Arbitrary<Body>;
}

const query = fc.oneof(
  fc.constant(""),
  fc.dictionary(anyString, anyString, { maxKeys: 3 }).map((q) => {
    const s = new URLSearchParams(q).toString();
    return s ? `?${s}` : "";
  }),
  fc.constantFrom("?type=%ZZ", "?redirectTo=%00", "?index", "?_data=routes%2Fstart"),
);

const at = (template: string) =>
  fc
    .tuple(fc.constantFrom(...template.split("|")), segment, query)
    .map(([path, seg, q]) => path.replace(":seg", seg) + q);

const jsonApi = bodies(fc.record({ answers, currentPage: fc.integer() }), formFields);

const ENDPOINTS: Endpoint[] = [
  {
    name: "GET pages",
    method: "GET",
    path: at("/|/start|/privacy|/hub/login|/:seg|/a/:seg|/a/:seg/results|/a/:seg.data"),
  },
  {
    name: "GET API",
    method: "GET",
    path: at(
      "/api/v1/definitions|/api/v1/definitions/:seg/latest|/api/v1/definitions/dma-sme/:seg|/api/v1/assessments/:seg|/api/v1/assessments/:seg/results|/healthz",
    ),
  },
  {
    name: "POST /language",
    method: "POST",
    path: at("/language"),
    body: bodies(jsonValue, formFields),
  },
  {
    name: "POST /start",
    method: "POST",
    path: at("/start|/start?type=pso|/start.data"),
    body: bodies(
      profile,
      profile.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]))),
    ),
  },
  {
    name: "POST /a/:token/results",
    method: "POST",
    path: at("/a/:seg/results|/a/SUBMITTED/results|/a/TOKEN/results"),
    body: bodies(jsonValue, formFields),
  },
  {
    name: "POST /a/:token",
    method: "POST",
    path: at("/a/:seg|/a/TOKEN"),
    body: bodies(jsonValue, formFields),
  },
  {
    name: "POST /hub/login",
    method: "POST",
    path: at("/hub/login|/hub/forgot-password|/hub/logout"),
    body: bodies(jsonValue, formFields),
  },
  {
    name: "POST /api/v1/assessments",
    method: "POST",
    path: at("/api/v1/assessments"),
    body: bodies(fc.record({ profile, language: anyString }), formFields),
  },
  {
    name: "POST answers",
    method: "POST",
    path: at(
      "/api/v1/assessments/TOKEN/answers|/api/v1/assessments/:seg/answers|/api/v1/assessments/SUBMITTED/answers",
    ),
    body: jsonApi,
  },
  {
    name: "PATCH answers",
    method: "PATCH",
    path: at("/api/v1/assessments/TOKEN/answers"),
    body: jsonApi,
  },
  {
    name: "POST submit",
    method: "POST",
    path: at("/api/v1/assessments/TOKEN/submit|/api/v1/assessments/:seg/submit"),
    body: jsonApi,
  },
  {
    name: "POST score",
    method: "POST",
    path: at(
      "/api/v1/definitions/dma-sme/1.1.0/score|/api/v1/definitions/dma-pso/latest/score|/api/v1/definitions/:seg/1.0.0/score",
    ),
    body: bodies(fc.record({ answers }), formFields),
  },
  {
    name: "any method anywhere",
    method: "ANY",
    path: at("/|/start|/language|/api/v1/assessments|/api/v1/assessments/TOKEN/answers|/a/TOKEN"),
    body: bodies(jsonValue, formFields),
  },
];

// ---- What must hold ----

/** What the data looks like: on PostgreSQL the tables themselves, on PGlite the API's view. */
type Fingerprint = () => Promise<string>;

describe("fuzzing every public endpoint", () => {
  let server: RunningServer;
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  let client: pg.Client | undefined;
  let fingerprint: Fingerprint;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const tokens = { TOKEN: "", SUBMITTED: "" };
  /** The data's fingerprint as the last case left it, when that case measured it. */
  let known: string | undefined;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      scratch = await createScratchDatabase(
        process.env.DATABASE_URL,
        "mognad_fuzz",
        templateFor("postgres", "empty"),
      );
    }
    server = await startServer(
      // Production: what must never show a stack (development and test modes show Remix's).
      {
        SEED_DEMO_DATA: "never",
        NODE_ENV: "production",
        RATE_LIMIT_ASSESSMENTS_PER_HOUR: "1000000",
      },
      scratch ? { sharedDatabaseUrl: scratch.url } : {},
    );
    const create = async () => {
      const response = await rawRequest(server.url, "POST", "/api/v1/assessments", {
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          profile: { ...smeProfile, consentBenchmark: true },
          language: "sv",
        }),
      });
      return JSON.parse(response.body).token as string;
    };
    tokens.TOKEN = await create();
    tokens.SUBMITTED = await create();
    const json = { "Content-Type": "application/json" };
    await rawRequest(server.url, "POST", `/api/v1/assessments/${tokens.SUBMITTED}/answers`, {
      headers: json,
      body: JSON.stringify({ answers: randomAnswers(dma, createRandom(7)) }),
    });
    await rawRequest(server.url, "POST", `/api/v1/assessments/${tokens.SUBMITTED}/submit`);

    if (scratch) {
      client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      fingerprint = async () => {
        const { rows } = await client!.query(`select
          (select md5(coalesce(string_agg(c::text, '|' order by c.id), '')) from companies c) as companies,
          (select md5(coalesce(string_agg(a::text, '|' order by a.id), '')) from assessments a) as assessments,
          (select md5(coalesce(string_agg(s::text, '|' order by s.assessment_id, s.dimension), '')) from assessment_scores s) as scores,
          (select count(*) from recommendations) as recommendations,
          (select count(*) from users) as users`);
        return JSON.stringify(rows[0]);
      };
    } else {
      fingerprint = async () => {
        const states = await Promise.all(
          Object.values(tokens).map((t) =>
            rawRequest(server.url, "GET", `/api/v1/assessments/${t}`),
          ),
        );
        return states.map((s) => s.body).join("\n");
      };
    }
  });

  afterAll(async () => {
    agent.destroy();
    await client?.end();
    expect(await server?.stop()).toBe(0);
    await scratch?.drop();
  });

  const summary: Record<string, Record<number, number>> = {};

  test.each(ENDPOINTS.map((e) => [e.name, e] as const))(
    `%s: ${RUNS} cases, never a 5xx or a stack, no change on a 4xx`,
    async (name, endpoint) => {
      const counts: Record<number, number> = {};
      summary[name] = counts;
      const method =
        endpoint.method === "ANY" ? fc.constantFrom(...METHODS) : fc.constant(endpoint.method);
      await fc.assert(
        fc.asyncProperty(
          method,
          endpoint.path,
          endpoint.body ?? fc.constant<Body>({}),
          async (m, rawPath, body) => {
            const path = rawPath
              .replace("TOKEN", tokens.TOKEN)
              .replace("SUBMITTED", tokens.SUBMITTED);
            // The fingerprint after a 4xx is the one before the next case: nothing runs between.
            const before = known ?? (await fingerprint());
            known = undefined;
            let response: RawResponse;
            try {
              response = await rawRequest(server.url, m, path, {
                agent,
                headers: body.contentType ? { "Content-Type": body.contentType } : {},
                body: m === "GET" || m === "HEAD" ? undefined : body.body,
              });
            } catch (error) {
              throw new Error(`${m} ${path}: the connection failed (${String(error)})`);
            }
            counts[response.status] = (counts[response.status] ?? 0) + 1;
            if (response.status >= 500 || showsInternals(response.body)) {
              throw new Error(`${m} ${path} → ${response.status}\n${response.body.slice(0, 500)}`);
            }
            if (response.status >= 400) {
              const after = await fingerprint();
              expect(after, `${m} ${path} → ${response.status} changed data`).toBe(before);
              known = after;
            }
          },
        ),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
    },
    // About 10 ms a case on a quiet machine; room for a busy one and for `npm run fuzz`.
    RUNS * 250,
  );

  afterAll(() => {
    const total = Object.values(summary).reduce(
      (sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0),
      0,
    );
    console.log(
      `fuzz: ${total} requests over ${Object.keys(summary).length} endpoints (${RUNS} cases each)\n` +
        Object.entries(summary)
          .map(([name, counts]) => `  ${name}: ${JSON.stringify(counts)}`)
          .join("\n"),
    );
  });
});
