import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { hashResumeToken } from "../../app/lib/server/resume-token.server";
import { startNextAssessment } from "../../app/lib/server/assessments.server";
import { scoreAnswers } from "../../app/lib/core/scoring";
import * as createRoute from "../../app/routes/api.v1.assessments";
import * as stateRoute from "../../app/routes/api.v1.assessments.$token";
import * as answersRoute from "../../app/routes/api.v1.assessments.$token.answers";
import * as resultsRoute from "../../app/routes/api.v1.assessments.$token.results";
import * as submitRoute from "../../app/routes/api.v1.assessments.$token.submit";
import * as listRoute from "../../app/routes/api.v1.definitions";
import * as fileRoute from "../../app/routes/api.v1.definitions.$id.$version";
import * as scoreRoute from "../../app/routes/api.v1.definitions.$id.$version.score";
import { openAppTestDatabase } from "../helpers/app-db";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { routeArgs } from "../helpers/route-args";
import {
  createViaApi,
  resultsViaApi,
  saveViaApi,
  stateViaApi,
  submitViaApi,
} from "../helpers/api-routes";

const dma = loadDefinition("dma-sme", "1.1.0");
let app: { close: () => Promise<void> };

beforeAll(async () => {
  app = await openAppTestDatabase();
});
afterAll(async () => {
  await app.close();
});

const validProfile = {
  companyName: "Ronneby Plåt & Svets AB",
  orgNumber: "556036-0793",
  sizeClass: "small",
  primarySector: "manufacturing",
  region: "blekinge",
  contactName: "Karin Holm",
  contactRole: "VD",
  contactEmail: "karin@example.se",
  consentAdvisers: true,
  consentBenchmark: false,
};

const create = (profile: Record<string, unknown> = validProfile, clientAddress?: string) =>
  createViaApi(profile, clientAddress);

async function newToken(): Promise<string> {
  const response = await create();
  expect(response.status).toBe(201);
  return (await response.json()).token;
}

const save = saveViaApi;
const submit = submitViaApi;
const state = stateViaApi;
const results = resultsViaApi;

async function count(table: "companies" | "assessments" | "assessment_scores") {
  const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
    database().db,
  );
  return row.rows[0].n;
}

describe("creating an assessment", () => {
  test("stores the company with its consents and a T0 on the latest version; only the token's hash", async () => {
    const response = await create();
    expect(response.status).toBe(201);
    const { token, links } = await response.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(links.questionnaire).toBe(`http://localhost/a/${token}`);
    const row = await database()
      .db.selectFrom("assessments")
      .innerJoin("companies", "companies.id", "assessments.company_id")
      .selectAll()
      .where("resume_token_hash", "=", hashResumeToken(token))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      org_number: "5560360793",
      stage: "T0",
      status: "in_progress",
      definition_id: "dma-sme",
      definition_version: "1.1.0",
      language: "sv",
    });
    expect(row.consent_advisers_at).toBeInstanceOf(Date);
    expect(row.consent_benchmark_at).toBeNull();
    const stored = await sql<{
      n: number;
    }>`select count(*)::int as n from assessments where resume_token_hash = ${token}`.execute(
      database().db,
    );
    expect(stored.rows[0].n).toBe(0);
  });

  test.each([
    ["a missing name", { companyName: "" }, "profile.companyName"],
    ["a failing Luhn digit", { orgNumber: "556036-0794" }, "profile.orgNumber"],
    ["an unknown size class", { sizeClass: "huge" }, "profile.sizeClass"],
    ["an unknown region", { region: "atlantis" }, "profile.region"],
    ["a bad email", { contactEmail: "karin@" }, "profile.contactEmail"],
  ])("rejects %s with a 400 naming the field, storing nothing", async (_label, change, path) => {
    const before = await count("companies");
    const response = await create({ ...validProfile, ...change });
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    expect(errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await count("companies")).toBe(before);
  });

  test("accepts a free VAT number for a company outside Sweden", async () => {
    const response = await create({
      ...validProfile,
      region: "outside-sweden",
      orgNumber: "DK 12345678",
    });
    expect(response.status).toBe(201);
  });

  test("limits creations per client address with a 429", async () => {
    let status = 201;
    let attempts = 0;
    while (status === 201 && attempts < 100) {
      status = (await create(validProfile, "10.9.9.9")).status;
      attempts++;
    }
    expect(status).toBe(429);
    expect(attempts).toBeGreaterThan(5);
    expect((await create(validProfile, "10.9.9.10")).status).toBe(201);
  });
});

describe("saving answers", () => {
  test("merges partial answers and the page; null clears an answer", async () => {
    const token = await newToken();
    expect((await save(token, { answers: { q2: [1, 3] }, currentPage: 0 })).status).toBe(200);
    expect(
      (await save(token, { answers: { q3: [2], q4: { "1": 3 } }, currentPage: 1 })).status,
    ).toBe(200);
    expect((await save(token, { answers: { q3: null } })).status).toBe(200);
    const body = await (await state(token)).json();
    expect(body).toMatchObject({
      status: "in_progress",
      currentPage: 1,
      answers: { q2: [1, 3], q4: { "1": 3 } },
    });
    expect(body.answers).not.toHaveProperty("q3");
  });

  test.each([
    ["a question the version lacks", { nope: [1] }, "answers.nope"],
    ["a wrong type", { q2: "1" }, "answers.q2"],
    ["an item out of range", { q2: [11] }, "answers.q2[0]"],
    ["a rating out of range", { q4: { "1": 6 } }, 'answers.q4["1"]'],
  ])("rejects %s with a 400 naming it, storing nothing", async (_label, answers, path) => {
    const token = await newToken();
    await save(token, { answers: { q2: [1] } });
    const response = await save(token, { answers: { ...answers, q3: [1] } });
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    expect(errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await (await state(token)).json()).answers).toEqual({ q2: [1] });
  });

  test.each([
    ["malformed JSON", "{", 400],
    ["a body over 256 KB", JSON.stringify({ answers: { challenge: "x".repeat(300_000) } }), 413],
    ["a page out of range", JSON.stringify({ answers: {}, currentPage: 99 }), 400],
  ])("rejects %s", async (_label, body, status) => {
    const token = await newToken();
    expect((await save(token, body)).status).toBe(status);
  });

  test.each([["unknown-but-well-formed-token-xx"], ["short"], ["../../etc"]])(
    "answers 404 for the token %s",
    async (token) => {
      expect((await save(token, { answers: {} })).status).toBe(404);
      expect((await state(token)).status).toBe(404);
      expect((await submit(token)).status).toBe(404);
    },
  );
});

describe("submitting", () => {
  test("refuses incomplete answers, listing every missing question", async () => {
    const token = await newToken();
    await save(token, { answers: { q2: [1] } });
    const response = await submit(token);
    expect(response.status).toBe(400);
    const paths = (await response.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["answers.q3", "answers.q11"]));
    expect((await results(token)).status).toBe(409);
  });

  test("scores on the server, once: a retry and a parallel submit give the same result", async () => {
    const token = await newToken();
    const answers = randomAnswers(dma, createRandom(42));
    expect((await save(token, { answers })).status).toBe(200);
    const [first, second] = await Promise.all([submit(token), submit(token)]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const a = await first.json();
    const b = await second.json();
    expect(b).toEqual(a);
    const expected = scoreAnswers(dma, answers);
    if (!expected.ok) throw new Error("generated answers must score");
    expect(a).toMatchObject({
      overall: expected.value.overall,
      band: expected.value.band,
      dimensions: expected.value.dimensions,
    });
    expect(await (await submit(token)).json()).toEqual(a);
    const scores = await database()
      .db.selectFrom("assessment_scores")
      .innerJoin("assessments", "assessments.id", "assessment_scores.assessment_id")
      .select(["dimension", "score", "submitted_month"])
      .where("resume_token_hash", "=", hashResumeToken(token))
      .execute();
    expect(scores).toHaveLength(6);
    expect(scores[0].submitted_month.getUTCDate()).toBe(1);
    const body = await (await results(token)).json();
    expect(body).toMatchObject({
      overall: a.overall,
      band: a.band,
      stage: "T0",
      definition: { version: "1.1.0" },
    });
  });

  test("makes the answers read-only: a save afterwards is a 409", async () => {
    const token = await newToken();
    await save(token, { answers: randomAnswers(dma, createRandom(3)) });
    expect((await submit(token)).status).toBe(200);
    const response = await save(token, { answers: { q2: [] } });
    expect(response.status).toBe(409);
  });

  test("asking for the follow-up again adds a link: both save to the same follow-up", async () => {
    const token = await newToken();
    await save(token, { answers: randomAnswers(dma, createRandom(4)) });
    expect((await submit(token)).status).toBe(200);
    const first = await startNextAssessment(token, "follow-up");
    expect((await save(first.token, { answers: { q2: [1] } })).status).toBe(200);
    // Before decision 010 this rotated the link: the first one answered 404.
    const second = await startNextAssessment(token, "follow-up");
    expect(second.assessmentId).toBe(first.assessmentId);
    expect((await save(first.token, { answers: { q2: [2] } })).status).toBe(200);
    expect((await save(second.token, { answers: { q2: [3] } })).status).toBe(200);
    const stored = await (await state(first.token)).json();
    expect(stored.answers.q2).toEqual([3]);
    // Submitted through either link, both show the results.
    await save(first.token, { answers: randomAnswers(dma, createRandom(5)) });
    expect((await submit(second.token)).status).toBe(200);
    for (const link of [first.token, second.token]) {
      expect((await results(link)).status).toBe(200);
    }
  });
});

describe("every API route", () => {
  const token = "unknown-but-well-formed-token-xx";
  test.each([
    ["GET", "/api/v1/assessments", createRoute.loader, "POST"],
    ["POST", "/api/v1/assessments/:token", stateRoute.action, "GET"],
    ["GET", "/api/v1/assessments/:token/answers", answersRoute.loader, "POST, PATCH"],
    ["PUT", "/api/v1/assessments/:token/answers", answersRoute.action, "POST, PATCH"],
    ["DELETE", "/api/v1/assessments/:token/results", resultsRoute.action, "GET"],
    ["GET", "/api/v1/assessments/:token/submit", submitRoute.loader, "POST"],
    ["POST", "/api/v1/definitions", listRoute.action, "GET"],
    ["PUT", "/api/v1/definitions/:id/:version", fileRoute.action, "GET"],
    ["GET", "/api/v1/definitions/:id/:version/score", scoreRoute.loader, "POST"],
  ])("%s %s is a JSON 405 naming the allowed methods", async (method, path, handler, allow) => {
    const url = `http://localhost${path.replace(":token", token).replace(":id/:version", "dma-sme/1.1.0")}`;
    const response = await handler(
      routeArgs(new Request(url, { method }), { token, id: "dma-sme", version: "1.1.0" }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(await response.json()).toEqual({
      errors: [{ path: "(method)", message: `use ${allow.replace(", ", " or ")}` }],
    });
  });
});
