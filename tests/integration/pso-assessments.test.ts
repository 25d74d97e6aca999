import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { hashResumeToken } from "../../app/lib/server/resume-token.server";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { action as scoreAction } from "../../app/routes/api.v1.definitions.$id.$version.score";
import {
  action as resultsPageAction,
  loader as resultsPageLoader,
} from "../../app/routes/a.$token_.results";
import { loader as questionnaireLoader } from "../../app/routes/a.$token";
import { action as startAction, loader as startLoader } from "../../app/routes/start";
import { openAppTestDatabase } from "../helpers/app-db";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { routeArgs } from "../helpers/route-args";
import {
  createViaApi,
  jsonRequest,
  resultsViaApi,
  saveViaApi,
  stateViaApi,
  submitViaApi,
} from "../helpers/api-routes";
import { psoProfile, smeProfile } from "../helpers/profiles";

const pso = loadDefinition("dma-pso", "1.0.0");
const sme = loadDefinition("dma-sme", "1.1.0");
let app: { close: () => Promise<void> };

beforeAll(async () => {
  app = await openAppTestDatabase();
});
afterAll(async () => {
  await app.close();
});

const post = jsonRequest;
const create = (profile: Record<string, unknown>) => createViaApi(profile);
async function newToken(profile: Record<string, unknown> = psoProfile): Promise<string> {
  const response = await create(profile);
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}
const save = saveViaApi;
const submit = submitViaApi;
const state = stateViaApi;

async function count(table: "companies" | "assessments") {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)}`.execute(database().db);
  return rows[0].n;
}

describe("a public sector organisation over the API", () => {
  test("is created as a PSO with its own profile and a T0 of dma-pso", async () => {
    const token = await newToken();
    const row = await database()
      .db.selectFrom("assessments")
      .innerJoin("companies", "companies.id", "assessments.company_id")
      .selectAll()
      .where("resume_token_hash", "=", hashResumeToken(token))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: "Granryds kommun",
      customer_type: "pso",
      org_number: "2120000597",
      organisation_type: "municipal",
      size_class: "large",
      primary_area: "general-public-services",
      secondary_area: "education",
      primary_sector: null,
      secondary_sector: null,
      definition_id: "dma-pso",
      definition_version: "1.0.0",
      stage: "T0",
    });
    expect(await (await state(token)).json()).toMatchObject({
      customerType: "pso",
      definition: { id: "dma-pso", version: "1.0.0" },
    });
  });

  test.each<[string, Record<string, unknown>, Record<string, string>]>([
    ["a micro size class", { sizeClass: "micro" }, { "profile.sizeClass": "psoSizeClass" }],
    [
      "an SME sector as its area",
      { primaryArea: "manufacturing" },
      { "profile.primaryArea": "choose" },
    ],
    [
      "an SME sector beside its area",
      { primarySector: "manufacturing" },
      { "profile.primarySector": "notForPso" },
    ],
    [
      "no type of organisation",
      { organisationType: undefined },
      { "profile.organisationType": "choose" },
    ],
    ["a failing Luhn digit", { orgNumber: "212000-0598" }, { "profile.orgNumber": "orgNumber" }],
    ["an unknown customer type", { customerType: "ngo" }, { "profile.customerType": "choose" }],
  ])("with %s is a 400 naming the field, and nothing is stored", async (_, change, errors) => {
    const before = [await count("companies"), await count("assessments")];
    const response = await create({ ...psoProfile, ...change });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(Object.fromEntries(body.errors.map((e) => [e.path, e.message]))).toEqual(errors);
    expect([await count("companies"), await count("assessments")]).toEqual(before);
  });

  test("a company's profile with a PSO field is refused beside that field", async () => {
    const response = await create({ ...smeProfile, organisationType: "municipal" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ path: "profile.organisationType", message: "notForSme" }],
    });
  });

  test.each([
    ["an item out of range", { q1: [11] }, "answers.q1[0]"],
    ["a wrong shape", { q2: [1] }, "answers.q2"],
    [
      "an unknown tick-grid column",
      { q9: { "1": { invested: true } } },
      'answers.q9["1"].invested',
    ],
    ["a rating out of range", { q4: { "1": 6 } }, 'answers.q4["1"]'],
    ["an unknown value", { q11: { "1": "maybe" } }, 'answers.q11["1"]'],
    ["a question the form lacks", { q12: [1] }, "answers.q12"],
  ])("an answer with %s is a 400 naming it, storing nothing", async (_, answers, path) => {
    const token = await newToken();
    expect((await save(token, { answers: { q1: [1] } })).status).toBe(200);
    const response = await save(token, { answers: { ...answers, q3: [1] } });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toContain(path);
    expect(((await (await state(token)).json()) as { answers: unknown }).answers).toEqual({
      q1: [1],
    });
  });

  test("a complete SME answer set saved to a PSO's assessment is a 400 listing each answer that does not fit", async () => {
    const token = await newToken();
    const response = await save(token, { answers: randomAnswers(sme, createRandom(3)) });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    const questions = new Set(errors.map((e) => /^answers\.(q\d+)/.exec(e.path)?.[1]));
    // The tick grid q1 of dma-sme is a checkbox list in dma-pso, and the reverse for q2.
    expect(questions).toContain("q1");
    expect(questions).toContain("q2");
    expect(((await (await state(token)).json()) as { answers: unknown }).answers).toEqual({});
  });

  test("a complete PSO answer set saved to a company's assessment is a 400 too", async () => {
    const token = await newToken(smeProfile);
    const response = await save(token, { answers: randomAnswers(pso, createRandom(4)) });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(["answers.q1", "answers.q2"]));
  });

  test("is answered, submitted and scored by the server with dma-pso; results name its six dimensions", async () => {
    const token = await newToken();
    const answers = randomAnswers(pso, createRandom(7));
    expect((await save(token, { answers, currentPage: 4 })).status).toBe(200);
    const submitted = await submit(token);
    expect(submitted.status).toBe(200);
    const expected = scoreAnswers(pso, answers);
    if (!expected.ok) throw new Error("generated answers must score");
    const result = (await submitted.json()) as { dimensions: Record<string, number> };
    expect(result).toMatchObject({
      overall: expected.value.overall,
      band: expected.value.band,
      dimensions: expected.value.dimensions,
    });
    expect(Object.keys(result.dimensions).sort()).toEqual([
      "data",
      "green",
      "human",
      "interoperability",
      "readiness",
      "strategy",
    ]);
    const stored = await database()
      .db.selectFrom("assessment_scores")
      .innerJoin("assessments", "assessments.id", "assessment_scores.assessment_id")
      .select([
        "assessment_scores.customer_type",
        "organisation_type",
        "primary_area",
        "primary_sector",
        "size_class",
        "region",
      ])
      .where("resume_token_hash", "=", hashResumeToken(token))
      .execute();
    expect(stored).toHaveLength(6);
    expect(new Set(stored.map((s) => JSON.stringify(s)))).toEqual(
      new Set([
        JSON.stringify({
          customer_type: "pso",
          organisation_type: "municipal",
          primary_area: "general-public-services",
          primary_sector: null,
          size_class: "large",
          region: "kronoberg",
        }),
      ]),
    );
    const api = await resultsViaApi(token);
    expect(await api.json()).toMatchObject({
      customerType: "pso",
      definition: { id: "dma-pso" },
      overall: expected.value.overall,
    });
  });

  test("the score endpoint scores dma-pso 1.0.0 and refuses an SME answer set", async () => {
    const score = (answers: unknown) =>
      scoreAction(
        routeArgs(post("http://localhost/api/v1/definitions/dma-pso/1.0.0/score", { answers }), {
          id: "dma-pso",
          version: "1.0.0",
        }),
      );
    const answers = randomAnswers(pso, createRandom(9));
    const ok = await score(answers);
    expect(ok.status).toBe(200);
    const expected = scoreAnswers(pso, answers);
    expect(await ok.json()).toMatchObject({ overall: expected.ok && expected.value.overall });
    expect((await score(randomAnswers(sme, createRandom(9)))).status).toBe(400);
  });
});

describe("a public sector organisation's pages", () => {
  const formRequest = (url: string, fields: Record<string, string>) =>
    new Request(url, { method: "POST", body: new URLSearchParams(fields) });
  const page = (token: string, lang: string) =>
    resultsPageLoader(
      routeArgs(
        new Request(`http://localhost/a/${token}/results`, {
          headers: { "Accept-Language": lang },
        }),
        { token },
      ),
    ) as Promise<Awaited<ReturnType<typeof resultsPageLoader>>>;

  test("/start asks who is answering, or takes it from the link", async () => {
    const asked = async (query: string) => {
      const response = (await startLoader(
        routeArgs(new Request(`http://localhost/start${query}`)),
      )) as unknown as { init: { status: number } | null; data: { type?: string } };
      return { status: response.init?.status ?? 200, type: response.data.type };
    };
    expect(await asked("")).toEqual({ status: 200, type: undefined });
    expect(await asked("?type=pso")).toEqual({ status: 200, type: "pso" });
    expect(await asked("?type=sme")).toEqual({ status: 200, type: "sme" });
    expect(await asked("?type=ngo")).toEqual({ status: 400, type: undefined });
  });

  test("the profile form creates a PSO and opens its dma-pso questionnaire", async () => {
    const fields = Object.fromEntries(
      Object.entries({ ...psoProfile, consentAdvisers: "on", consentBenchmark: "" }).map(
        ([k, v]) => [k, String(v)],
      ),
    );
    const response = (await startAction(
      routeArgs(formRequest("http://localhost/start", fields), {}, { clientAddress: "10.8.0.1" }),
    )) as Response;
    const token = response.headers.get("location")?.split("/a/")[1] ?? "";
    const questionnaire = (await questionnaireLoader(
      routeArgs(
        new Request(`http://localhost/a/${token}`, { headers: { "Accept-Language": "sv" } }),
        {
          token,
        },
      ),
    )) as { title: string; definition: { id: string } };
    expect(questionnaire.definition.id).toBe("dma-pso");
    expect(questionnaire.title).toBe("Digital mognadsmätning för offentliga organisationer");
  });

  test("a refused PSO form keeps its type and values, with the problem beside the field", async () => {
    const before = await count("companies");
    const result = (await startAction(
      routeArgs(
        formRequest("http://localhost/start", {
          customerType: "pso",
          organisationName: "Granryds kommun",
          sizeClass: "micro",
        }),
        {},
        { clientAddress: "10.8.0.2" },
      ),
    )) as unknown as {
      init: { status: number };
      data: { errors: Record<string, string>; values: Record<string, string> };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.errors).toMatchObject({
      sizeClass: "psoSizeClass",
      organisationType: "choose",
      primaryArea: "choose",
    });
    expect(result.data.values.customerType).toBe("pso");
    expect(await count("companies")).toBe(before);
  });

  test("the results page shows Interoperability among its six areas, in the organisation's terms", async () => {
    const token = await newToken();
    await save(token, { answers: randomAnswers(pso, createRandom(21)) });
    expect((await submit(token)).status).toBe(200);
    const sv = await page(token, "sv");
    expect(sv.customerType).toBe("pso");
    expect(sv.view.dimensions.map((d) => d.name)).toEqual([
      "Digital strategi och investeringar",
      "Digital beredskap",
      "Människocentrerad digitalisering",
      "Datahantering och datasäkerhet",
      "Interoperabilitet",
      "Grön digitalisering",
    ]);
    // The first PSO of this database has no peers yet, and is told so as an organisation.
    expect(sv.peerView.summary).toMatch(
      /^Det finns ännu inte tillräckligt många offentliga organisationer/,
    );
    expect(sv.followUpStage).toBe("T1");
    expect(sv.offerSmartIndustry).toBe(false);
    expect(sv.bands.map((b) => `${b.name} ${b.range}`)).toEqual([
      "Grundläggande 0–25",
      "Medel över 25–50",
      "Måttligt avancerad över 50–75",
      "Avancerad över 75–100",
    ]);
    expect(sv.bands.filter((b) => b.current).map((b) => b.id)).toEqual([sv.view.band.id]);
    const en = await page(token, "en");
    expect(en.view.dimensions.map((d) => d.name)).toContain("Interoperability");
    expect(en.bands.map((b) => b.range)).toEqual([
      "0–25",
      "over 25–50",
      "over 50–75",
      "over 75–100",
    ]);
  });

  test("a follow-up is a T1 of dma-pso; the smart industry module is refused with a 409", async () => {
    const token = await newToken();
    await save(token, { answers: randomAnswers(pso, createRandom(22)) });
    await submit(token);
    const start = async (intent: string) => {
      try {
        return (await resultsPageAction(
          routeArgs(formRequest(`http://localhost/a/${token}/results`, { intent }), { token }),
        )) as Response;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
    const followUp = await start("follow-up");
    expect(followUp.status).toBe(302);
    const t1 = followUp.headers.get("location")?.split("/a/")[1] ?? "";
    expect(await (await state(t1)).json()).toMatchObject({
      stage: "T1",
      definition: { id: "dma-pso" },
      customerType: "pso",
    });
    expect((await start("smart-industry")).status).toBe(409);
  });
});
