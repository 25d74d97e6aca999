import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { hashResumeToken } from "../../app/lib/server/resume-token.server";
import * as scoreRoute from "../../app/routes/api.v1.definitions.$id.$version.score";
import { openAppTestDatabase } from "../helpers/app-db";
import { createViaApi, jsonRequest, saveViaApi } from "../helpers/api-routes";
import { routeArgs } from "../helpers/route-args";
import { smeProfile } from "../helpers/profiles";

let app: { close: () => Promise<void> };
beforeAll(async () => {
  app = await openAppTestDatabase();
});
afterAll(async () => {
  await app.close();
});

const profile = smeProfile;

/** `{"answers":{"q1":[[[…1…]]]}}`, written out (JSON.stringify itself would recurse). */
const deepAnswers = (depth: number) =>
  `{"answers":{"q1":${"[".repeat(depth)}1${"]".repeat(depth)}}}`;

async function row(token: string) {
  return database()
    .db.selectFrom("assessments")
    .select(["answers", "updated_at"])
    .where("resume_token_hash", "=", hashResumeToken(token))
    .executeTakeFirstOrThrow();
}

async function companyCount(): Promise<number> {
  const { n } = await database()
    .db.selectFrom("companies")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe("the JSON API refuses what it cannot store, and changes nothing", () => {
  test.each([
    ["a __proto__ key", '{"answers":{"__proto__":[1]}}'],
    ["a NUL in a text answer", JSON.stringify({ answers: { challenge: "a\u0000b" } })],
    ["a lone surrogate", '{"answers":{"challenge":"\\ud800"}}'],
    ["a 5,000-deep array", deepAnswers(5000)],
  ])("saving answers with %s is a 400 and leaves the row as it was", async (_, body) => {
    const created = await createViaApi(profile);
    const { token } = await created.json();
    const before = await row(token);
    const response = await saveViaApi(token, body);
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].path).toMatch(/^answers/);
    expect(await row(token)).toEqual(before);
  });

  test.each([
    ["a NUL", { ...profile, companyName: "Acme\u0000AB" }],
    ["a lone surrogate", { ...profile, contactName: "Karin \ud800" }],
    ["an invisible name", { ...profile, companyName: "\u200b\u200b\u200b" }],
  ])("creating with %s in the profile is a 400 and creates nothing", async (_, bad) => {
    const before = await companyCount();
    const response = await createViaApi(bad);
    expect(response.status).toBe(400);
    expect(await companyCount()).toBe(before);
  });

  test("the score endpoint refuses a 5,000-deep answer with a 400, not a stack overflow", async () => {
    const response = await scoreRoute.action(
      routeArgs(
        jsonRequest("http://localhost/api/v1/definitions/dma-sme/1.1.0/score", deepAnswers(5000)),
        { id: "dma-sme", version: "1.1.0" },
      ),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/nested deeper/);
  });
});
