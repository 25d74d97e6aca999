import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { smeProfile } from "../helpers/profiles";
import { rawRequest, showsInternals, type RawResponse } from "./raw-http";
import { startServer, type RunningServer } from "./server";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const JSON_TYPE = { "Content-Type": "application/json" };

const profile = smeProfile;

function clean(response: RawResponse): RawResponse {
  expect(response.status).toBeLessThan(500);
  expect(showsInternals(response.body)).toBe(false);
  return response;
}

describe("the server's boundary (production build)", () => {
  let server: RunningServer;
  const send = (method: string, path: string, options?: Parameters<typeof rawRequest>[3]) =>
    rawRequest(server.url, method, path, options).then(clean);

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "never" });
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  test.each(["TRACE", "PROPFIND", "COPY"])("%s is a 405 with Allow, never a stack", async (m) => {
    for (const path of ["/", "/api/v1/definitions", "/a/x"]) {
      const response = await send(m, path);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toContain("GET");
    }
  });

  test("OPTIONS is a 204 with Allow and no body", async () => {
    for (const path of ["/api/v1/definitions", "/", "/start", "*"]) {
      const response = await send("OPTIONS", path);
      expect(response.status).toBe(204);
      expect(response.body).toBe("");
      expect(response.headers.allow).toContain("POST");
    }
  });

  test.each([
    "/api/v1/assessments/%C0%AF",
    "/a/%E0%A4%A",
    "/a/%",
    "/start?type=%ZZ",
    "/a/abc%00def",
    "/hub/audit?person=%00",
  ])("a malformed or NUL-carrying address %s is a 400", async (path) => {
    expect((await send("GET", path)).status).toBe(400);
  });

  test.each([
    ["/\t/evil.example/x", "/"],
    ["/\\evil.example/x", "/"],
    ["//evil.example/x", "/"],
    ["/start\r\nSet-Cookie: x=1", "/"],
    ["/sök", "/s%C3%B6k"],
    ["/privacy?x=1", "/privacy?x=1"],
  ])("the language form's redirectTo %j goes to %j", async (redirectTo, location) => {
    const body = new URLSearchParams({ lng: "en", redirectTo }).toString();
    const response = await send("POST", "/language", { headers: FORM, body });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(location);
  });

  test.each<[string, Record<string, string>, string | undefined, number]>([
    ["text/plain", { "Content-Type": "text/plain" }, "lng=en", 415],
    ["JSON", JSON_TYPE, '{"lng":"en"}', 415],
    ["no body and no type", {}, undefined, 415],
    ["multipart without a boundary", { "Content-Type": "multipart/form-data" }, "lng=en", 400],
    [
      "broken multipart",
      { "Content-Type": "multipart/form-data; boundary=xyz" },
      "--xyz\r\nContent-Disposition: form-data; name=lng\r\n\r\nen",
      400,
    ],
    [
      "multipart with a file",
      { "Content-Type": "multipart/form-data; boundary=xyz" },
      '--xyz\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhi\r\n--xyz--\r\n',
      400,
    ],
    ["a malformed percent-encoding", FORM, "lng=en&redirectTo=%E0%A4%A", 400],
    ["an encoded NUL", FORM, "lng=en&redirectTo=/%00", 400],
  ])("a form action sent %s answers %s", async (_, headers, body, status) => {
    for (const path of ["/language", "/start"]) {
      expect((await send("POST", path, { headers, body })).status).toBe(status);
    }
  });

  test("a profile with a NUL, a lone surrogate or an invisible name is a 400 on the form", async () => {
    for (const companyName of ["Acme\u0000AB", "\u200b\u200b\u200b"]) {
      const body = new URLSearchParams({ ...profile, companyName }).toString();
      expect((await send("POST", "/start", { headers: FORM, body })).status).toBe(400);
    }
    // A lone surrogate cannot be UTF-8: as bytes it is an invalid sequence.
    const body = `${new URLSearchParams(profile)}&contactRole=%ED%A0%80`;
    expect((await send("POST", "/start", { headers: FORM, body })).status).toBe(400);
  });

  test("only the catalogue import takes a file, up to 1 MB: it reaches the route (sign-in first)", async () => {
    const file = JSON.stringify({ services: "x".repeat(40_000) });
    const body = `--xyz\r\nContent-Disposition: form-data; name="file"; filename="services.json"\r\nContent-Type: application/json\r\n\r\n${file}\r\n--xyz--\r\n`;
    const headers = { "Content-Type": "multipart/form-data; boundary=xyz" };
    const imported = await send("POST", "/hub/services/import", { headers, body });
    expect(imported.status).toBe(302);
    expect(imported.headers.location).toMatch(/^\/hub\/login/);
    expect((await send("POST", "/language", { headers, body })).status).toBe(413);
  });

  test("form bodies over 16 KB are a 413, declared or chunked, before they are read", async () => {
    const big = `lng=en&redirectTo=/${"a".repeat(20_000)}`;
    for (const chunked of [false, true]) {
      const response = await send("POST", "/language", { headers: FORM, body: big, chunked });
      expect(response.status).toBe(413);
    }
  });

  test("JSON bodies over 256 KB are a 413", async () => {
    const answers = JSON.stringify({ answers: { challenge: "x".repeat(300_000) } });
    for (const chunked of [false, true]) {
      const response = await send("POST", "/api/v1/assessments/abc/answers", {
        headers: JSON_TYPE,
        body: answers,
        chunked,
      });
      expect(response.status).toBe(413);
    }
  });

  test.each<[string, Record<string, string>]>([
    ["text/plain", { "Content-Type": "text/plain" }],
    ["XML", { "Content-Type": "application/xml" }],
    ["a form", FORM],
    ["no content type", {}],
  ])("the JSON API refuses a body sent as %s with a 415", async (_, headers) => {
    const body = JSON.stringify({ profile, language: "sv" });
    const response = await send("POST", "/api/v1/assessments", { headers, body });
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body).errors[0].message).toMatch(/application\/json/);
  });

  test("the JSON API refuses NUL, lone surrogates, __proto__ and deep nesting with a 400", async () => {
    const created = await send("POST", "/api/v1/assessments", {
      headers: JSON_TYPE,
      body: JSON.stringify({ profile, language: "sv" }),
    });
    expect(created.status).toBe(201);
    const { token } = JSON.parse(created.body);
    const before = (await send("GET", `/api/v1/assessments/${token}`)).body;
    for (const body of [
      '{"answers":{"__proto__":[1]}}',
      '{"answers":{"challenge":"a\\u0000b"}}',
      '{"answers":{"challenge":"\\ud800"}}',
      `{"answers":{"q1":${"[".repeat(5000)}${"]".repeat(5000)}}}`,
    ]) {
      const response = await send("POST", `/api/v1/assessments/${token}/answers`, {
        headers: JSON_TYPE,
        body,
      });
      expect(response.status).toBe(400);
    }
    const deep = `{"answers":{"q1":${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    const scored = await send("POST", "/api/v1/definitions/dma-sme/1.1.0/score", {
      headers: JSON_TYPE,
      body: deep,
    });
    expect(scored.status).toBe(400);
    expect((await send("GET", `/api/v1/assessments/${token}`)).body).toBe(before);
  });

  test("private links are built on the public origin, whatever the Host header says", async () => {
    const created = await send("POST", "/api/v1/assessments", {
      headers: { ...JSON_TYPE, Host: "evil.example", "X-Forwarded-Host": "evil.example" },
      body: JSON.stringify({ profile, language: "en" }),
    });
    expect(created.status).toBe(201);
    const { token, links } = JSON.parse(created.body);
    expect(links.questionnaire).toBe(`${server.url}/a/${token}`);
    const page = await send("GET", `/a/${token}`, { headers: { Host: "evil.example" } });
    expect(page.body).not.toContain("evil.example");
    expect(page.body).toContain(`${server.url}/a/${token}`);
  });

  test("private-link pages and their data are never cached", async () => {
    const created = await send("POST", "/api/v1/assessments", {
      headers: JSON_TYPE,
      body: JSON.stringify({ profile, language: "en" }),
    });
    expect(created.headers["cache-control"]).toBe("no-store");
    const { token } = JSON.parse(created.body);
    for (const path of [`/a/${token}`, `/a/${token}.data`, `/api/v1/assessments/${token}`]) {
      const response = await send("GET", path);
      expect(response.status).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-store");
    }
    // Public pages may be cached as before; no HSTS over plain HTTP.
    const home = await send("GET", "/");
    expect(home.headers["cache-control"]).not.toBe("no-store");
    expect(home.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("the server in production mode behind a proxy", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      SEED_DEMO_DATA: "never",
      NODE_ENV: "production",
      TRUST_PROXY: "1",
    });
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  test("the language cookie is Secure, HSTS is sent over HTTPS, and no error shows a stack", async () => {
    const body = new URLSearchParams({ lng: "sv", redirectTo: "/" }).toString();
    const chosen = await rawRequest(server.url, "POST", "/language", { headers: FORM, body });
    expect(String(chosen.headers["set-cookie"])).toMatch(/;\s*Secure/i);

    const overHttps = await rawRequest(server.url, "GET", "/", {
      headers: { "X-Forwarded-Proto": "https" },
    });
    expect(overHttps.headers["strict-transport-security"]).toMatch(/^max-age=31536000/);
    const plain = await rawRequest(server.url, "GET", "/");
    expect(plain.headers["strict-transport-security"]).toBeUndefined();

    for (const [method, path] of [
      ["TRACE", "/"],
      ["GET", "/api/v1/assessments/%C0%AF"],
      ["GET", "/a/%E0%A4%A"],
    ]) {
      clean(await rawRequest(server.url, method!, path!));
    }
  });
});
