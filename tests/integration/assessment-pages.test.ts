import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createAssessment,
  saveAnswers,
  submitAssessment,
} from "../../app/lib/server/assessments.server";
import { database } from "../../app/lib/server/db.server";
import type { SmeProfile } from "../../app/lib/core/profile";
import { createResumeToken } from "../../app/lib/server/resume-token.server";
import { loader as questionnaireLoader } from "../../app/routes/a.$token";
import {
  action as resultsAction,
  loader as resultsLoader,
} from "../../app/routes/a.$token_.results";
import { action as startAction } from "../../app/routes/start";
import { openAppTestDatabase } from "../helpers/app-db";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { routeArgs } from "../helpers/route-args";

const lock = JSON.parse(
  readFileSync(new URL("../../survey-definitions/definitions.lock.json", import.meta.url), "utf8"),
) as Record<string, string>;

let app: { close: () => Promise<void> };
beforeAll(async () => {
  app = await openAppTestDatabase();
});
afterAll(async () => {
  await app.close();
});

const profile: SmeProfile = {
  customerType: "sme",
  companyName: "Karlshamn Mekaniska AB",
  orgNumber: "5560360793",
  sizeClass: "medium",
  primarySector: "manufacturing",
  region: "blekinge",
  contactName: "Erik Nilsson",
  contactEmail: "erik@example.se",
  consentAdvisers: false,
  consentBenchmark: true,
};

async function status(promise: Promise<unknown>): Promise<{ status: number; location?: string }> {
  try {
    const value = await promise;
    if (value instanceof Response)
      return { status: value.status, location: value.headers.get("location") ?? undefined };
    return { status: 200 };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get("location") ?? undefined };
    throw thrown;
  }
}

async function submittedToken(seed = 1): Promise<string> {
  const { token } = await createAssessment(profile, "en");
  await saveAnswers(token, {
    answers: randomAnswers(loadDefinition("dma-sme", "1.1.0"), createRandom(seed)),
  });
  await submitAssessment(token);
  return token;
}

const formRequest = (url: string, fields: Record<string, string>) =>
  new Request(url, { method: "POST", body: new URLSearchParams(fields) });

describe("the profile form", () => {
  test("a valid profile creates the assessment and redirects to its private link", async () => {
    const response = await startAction(
      routeArgs(
        formRequest("http://localhost/start", {
          companyName: "Älmhult Design AB",
          orgNumber: "556036-0793",
          sizeClass: "micro",
          primarySector: "culture-creative",
          region: "kronoberg",
          contactName: "Lena Berg",
          contactEmail: "lena@example.se",
          consentAdvisers: "on",
        }),
      ),
    );
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get("location")).toMatch(/^\/a\/[A-Za-z0-9_-]{32}$/);
  });

  test("an invalid profile answers 400 with the fields' problems and keeps the values", async () => {
    const before = await database().db.selectFrom("companies").select("id").execute();
    const result = (await startAction(
      routeArgs(
        formRequest("http://localhost/start", {
          companyName: "X",
          orgNumber: "123",
          region: "skane",
        }),
      ),
    )) as unknown as {
      init: { status: number };
      data: { errors: Record<string, string>; values: Record<string, string> };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.errors).toMatchObject({
      companyName: "required",
      orgNumber: "orgNumber",
      sizeClass: "choose",
      contactEmail: "required",
    });
    expect(result.data.values.orgNumber).toBe("123");
    expect(await database().db.selectFrom("companies").select("id").execute()).toHaveLength(
      before.length,
    );
  });
});

describe("the questionnaire and results pages", () => {
  test.each([["unknown-but-well-formed-token-xx"], ["x"]])(
    "answer 404 for the token %s",
    async (token) => {
      expect(
        (
          await status(
            questionnaireLoader(routeArgs(new Request(`http://localhost/a/${token}`), { token })),
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await status(
            resultsLoader(routeArgs(new Request(`http://localhost/a/${token}/results`), { token })),
          )
        ).status,
      ).toBe(404);
    },
  );

  test("the results of an unsubmitted assessment send the respondent back to the questionnaire", async () => {
    const { token } = await createAssessment(profile, "sv");
    const result = await status(
      resultsLoader(routeArgs(new Request(`http://localhost/a/${token}/results`), { token })),
    );
    expect(result).toEqual({ status: 302, location: `/a/${token}` });
  });

  test("a submitted assessment's questionnaire link shows its results (answers are read-only)", async () => {
    const token = await submittedToken();
    const result = await status(
      questionnaireLoader(routeArgs(new Request(`http://localhost/a/${token}`), { token })),
    );
    expect(result).toEqual({ status: 302, location: `/a/${token}/results` });
  });

  test("an assessment pinned to dma-sme 1.0.0 still opens, scores and shows with 1.0.0", async () => {
    const { hash, token } = createResumeToken();
    const { assessmentId } = await createAssessment(profile, "en");
    const company = await database()
      .db.selectFrom("assessments")
      .select("company_id")
      .where("id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    const v1 = loadDefinition("dma-sme", "1.0.0");
    await database()
      .db.insertInto("assessments")
      .values({
        company_id: company.company_id,
        definition_id: "dma-sme",
        definition_version: "1.0.0",
        definition_major: 1,
        definition_hash: lock["dma-sme@1.0.0"],
        stage: "T1",
        resume_token_hash: hash,
        language: "en",
      })
      .execute();
    const page = (await questionnaireLoader(
      routeArgs(new Request(`http://localhost/a/${token}`), { token }),
    )) as {
      version: string;
      definition: { version: string };
    };
    expect(page.version).toBe("1.0.0");
    await expect(saveAnswers(token, { answers: { challenge: "x" } })).rejects.toMatchObject({
      status: 400,
    });
    await saveAnswers(token, { answers: randomAnswers(v1, createRandom(5)) });
    await submitAssessment(token);
    const results = (await resultsLoader(
      routeArgs(new Request(`http://localhost/a/${token}/results`), { token }),
    )) as {
      version: string;
    };
    expect(results.version).toBe("1.0.0");
  });
});

describe("follow-ups and the smart industry module", () => {
  const start = (token: string, intent: string) =>
    status(
      resultsAction(
        routeArgs(formRequest(`http://localhost/a/${token}/results`, { intent }), { token }),
      ),
    );

  const opens = async (token: string) =>
    (
      await status(
        questionnaireLoader(routeArgs(new Request(`http://localhost/a/${token}`), { token })),
      )
    ).status;
  const offered = async (token: string) =>
    (await resultsLoader(
      routeArgs(new Request(`http://localhost/a/${token}/results`), { token }),
    )) as { followUpState: string; smartIndustryState: string };

  test("a follow-up creates T1 on the latest version; asking again adds a link and kills none", async () => {
    const token = await submittedToken(2);
    const first = await start(token, "follow-up");
    expect(first.status).toBe(302);
    const t1 = first.location?.split("/a/")[1] ?? "";
    const page = (await questionnaireLoader(
      routeArgs(new Request(`http://localhost/a/${t1}`), { token: t1 }),
    )) as {
      stage: string;
      version: string;
    };
    expect(page).toMatchObject({ stage: "T1", version: "1.1.0" });
    expect(await offered(token)).toMatchObject({ followUpState: "in_progress" });
    await saveAnswers(t1, { answers: { q2: [1] } });

    const again = await start(token, "follow-up");
    const t1b = again.location?.split("/a/")[1] ?? "";
    expect(t1b).not.toBe(t1);
    // Both links open the same follow-up, with the answer given through the first.
    expect(await opens(t1)).toBe(200);
    expect(await opens(t1b)).toBe(200);
    const second = (await questionnaireLoader(
      routeArgs(new Request(`http://localhost/a/${t1b}`), { token: t1b }),
    )) as { surveyData: Record<string, unknown> };
    expect(second.surveyData.q2).toEqual([1]);
  });

  test("a submitted follow-up: every link to it opens its results, and the earlier stage issues none", async () => {
    const token = await submittedToken(5);
    const t1 = (await start(token, "follow-up")).location?.split("/a/")[1] ?? "";
    const t1b = (await start(token, "follow-up")).location?.split("/a/")[1] ?? "";
    await saveAnswers(t1, {
      answers: randomAnswers(loadDefinition("dma-sme", "1.1.0"), createRandom(6)),
    });
    await submitAssessment(t1b);
    for (const link of [t1, t1b]) {
      expect(
        await status(
          questionnaireLoader(
            routeArgs(new Request(`http://localhost/a/${link}`), { token: link }),
          ),
        ),
      ).toEqual({
        status: 302,
        location: `/a/${link}/results`,
      });
      expect(await offered(link)).toMatchObject({ followUpState: "new" });
    }
    // T0's page says the follow-up was answered, and asking again is refused.
    expect(await offered(token)).toMatchObject({ followUpState: "submitted" });
    expect((await start(token, "follow-up")).status).toBe(409);
    expect(await opens(t1)).toBe(302);
    // The latest link (T1's) starts T2.
    const t2 = (await start(t1, "follow-up")).location?.split("/a/")[1] ?? "";
    expect(await opens(t2)).toBe(200);
  });

  test("a follow-up's results show the change since T0, per area and overall; T0's show none", async () => {
    const token = await submittedToken(11);
    const t0 = (await resultsLoader(
      routeArgs(new Request(`http://localhost/a/${token}/results`), { token }),
    )) as { progress?: unknown; view: { dimensions: { id: string; score: number }[] } };
    expect(t0.progress).toBeUndefined();
    const t1 = (await start(token, "follow-up")).location?.split("/a/")[1] ?? "";
    await saveAnswers(t1, {
      answers: randomAnswers(loadDefinition("dma-sme", "1.1.0"), createRandom(12)),
    });
    await submitAssessment(t1);
    const page = (await resultsLoader(
      routeArgs(new Request(`http://localhost/a/${t1}/results`), { token: t1 }),
    )) as {
      progress: {
        rows: { id: string; before: number; now: number }[];
        labels: { before: string; now: string };
      };
      view: { dimensions: { id: string; score: number }[] };
    };
    expect(page.progress.labels).toEqual({ before: "First assessment", now: "First follow-up" });
    expect(page.progress.rows).toEqual(
      t0.view.dimensions.map((d, i) => ({
        id: d.id,
        name: expect.any(String),
        before: d.score,
        now: page.view.dimensions[i].score,
        change: expect.stringMatching(/^(\+\d+|−\d+|±0)$/),
      })),
    );
  });

  test("two presses at once start one follow-up", async () => {
    const token = await submittedToken(7);
    const [a, b] = await Promise.all([start(token, "follow-up"), start(token, "follow-up")]);
    const ta = a.location?.split("/a/")[1] ?? "";
    const tb = b.location?.split("/a/")[1] ?? "";
    await saveAnswers(ta, { answers: { q2: [2] } });
    const viaB = (await questionnaireLoader(
      routeArgs(new Request(`http://localhost/a/${tb}`), { token: tb }),
    )) as { surveyData: Record<string, unknown> };
    expect(viaB.surveyData.q2).toEqual([2]);
  });

  test("the smart industry module starts at the same stage, with its own link", async () => {
    const token = await submittedToken(3);
    const started = await start(token, "smart-industry");
    const si = started.location?.split("/a/")[1] ?? "";
    const page = (await questionnaireLoader(
      routeArgs(new Request(`http://localhost/a/${si}`), { token: si }),
    )) as {
      stage: string;
      definition: { id: string };
    };
    expect(page).toMatchObject({ stage: "T0", definition: { id: "smart-industry" } });
    // Asking again while it is in progress adds a link; once submitted it is refused.
    const again = (await start(token, "smart-industry")).location?.split("/a/")[1] ?? "";
    expect(await opens(si)).toBe(200);
    expect(await opens(again)).toBe(200);
    await saveAnswers(si, {
      answers: randomAnswers(loadDefinition("smart-industry", "1.0.0"), createRandom(9)),
    });
    await submitAssessment(again);
    expect(await offered(token)).toMatchObject({ smartIndustryState: "submitted" });
    expect((await start(token, "smart-industry")).status).toBe(409);
    expect(await opens(si)).toBe(302);
  });

  test.each([["unknown"], [""]])("an unknown intent %j is a 400", async (intent) => {
    const token = await submittedToken(4);
    expect((await start(token, intent)).status).toBe(400);
  });
});
