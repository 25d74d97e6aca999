import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { action as accountAction } from "../../app/routes/hub.account";
import {
  action as setupAction,
  loader as setupLoader,
} from "../../app/routes/hub.account_.second-factor";
import { loader as homeLoader } from "../../app/routes/hub._index";
import { action as codeAction, loader as codeLoader } from "../../app/routes/hub.login_.code";
import { action as loginAction } from "../../app/routes/hub.login";
import { openAppTestDatabase } from "../helpers/app-db";
import { routeArgs } from "../helpers/route-args";
import { awayFromStepEnd, totpCode } from "../helpers/totp";
import {
  createTestStaff,
  outcome,
  signInCookie,
  staffRequest,
  TEST_PASSWORD,
} from "../helpers/staff";

// This hub requires a second factor of hub leads (read once per process, so set first).
const hubDir = mkdtempSync(path.join(tmpdir(), "mognad-hub-2fa-"));
const shipped = JSON.parse(readFileSync("db/hub/hub.json", "utf8")) as Record<string, unknown>;
writeFileSync(
  path.join(hubDir, "hub.json"),
  JSON.stringify({ ...shipped, staff: { secondFactorRequiredFor: ["hub_lead"] } }),
);

let app: { close: () => Promise<void> };
beforeAll(async () => {
  process.env.HUB_DIR = hubDir;
  app = await openAppTestDatabase();
});
afterAll(async () => {
  await app.close();
  rmSync(hubDir, { recursive: true, force: true });
});

const cookieOf = (headers?: Headers) => headers?.get("Set-Cookie")?.split(";")[0] ?? "";
// The code of another 30-second step, as a phone whose clock is off would show it.
const codeFor = async (secret: string, offsetSeconds = 0) => totpCode(secret, offsetSeconds / 30);

async function setUp(cookie: string): Promise<{ secret: string; codes: string[] }> {
  const page = await outcome(() =>
    setupLoader(routeArgs(staffRequest("/hub/account/second-factor", { cookie }))),
  );
  expect(page.status).toBe(200);
  const { secret, qrDataUrl } = (page.data as { setup: { secret: string; qrDataUrl: string } })
    .setup;
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  const wrong = await outcome(() =>
    setupAction(
      routeArgs(staffRequest("/hub/account/second-factor", { cookie, form: { code: "000000" } })),
    ),
  );
  expect(wrong.status).toBe(400);
  const right = await outcome(async () =>
    setupAction(
      routeArgs(
        staffRequest("/hub/account/second-factor", {
          cookie,
          form: { code: await codeFor(secret) },
        }),
      ),
    ),
  );
  const { codes } = right.data as { codes: string[] };
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  return { secret, codes };
}

async function passwordStep(email: string): Promise<string> {
  const result = await outcome(() =>
    loginAction(
      routeArgs(staffRequest("/hub/login", { form: { email, password: TEST_PASSWORD } })),
    ),
  );
  expect(result.status).toBe(302);
  expect(result.location).toBe("/hub/login/code");
  return cookieOf(result.headers);
}

const code = (cookie: string, value: string) =>
  outcome(() =>
    codeAction(routeArgs(staffRequest("/hub/login/code", { cookie, form: { code: value } }))),
  );
const home = (cookie: string) =>
  outcome(() => homeLoader(routeArgs(staffRequest("/hub", { cookie }))));

describe("the second factor", () => {
  test("an adviser turns TOTP on; then a sign-in needs the code, and the password alone opens nothing", async () => {
    await createTestStaff("anders@example.se", "adviser");
    const { secret } = await setUp(await signInCookie("anders@example.se"));
    const pending = await passwordStep("anders@example.se");
    expect((await home(pending)).location).toBe("/hub/login"); // Not signed in yet.
    expect(
      (
        await outcome(() =>
          codeLoader(routeArgs(staffRequest("/hub/login/code", { cookie: pending }))),
        )
      ).status,
    ).toBe(200);
    expect((await code(pending, "123456")).status).toBe(401);
    expect((await code(pending, "")).status).toBe(400);
    // One step of clock drift (the set-up used this step's code, so a phone a step ahead).
    const done = await code(pending, await codeFor(secret, 30));
    expect(done.status).toBe(302);
    expect(done.location).toBe("/hub");
    const full = cookieOf(done.headers);
    expect(full).not.toBe(pending); // A new session id after the second factor.
    expect((await home(full)).status).toBe(200);
    expect((await home(pending)).location).toBe("/hub/login");
  });

  test("an authenticator code opens one sign-in: the same code again, within its 30 s, is refused", async () => {
    await createTestStaff("adam@example.se", "adviser");
    await awayFromStepEnd(); // "This step" must stay this step until the end of the test.
    const { secret } = await setUp(await signInCookie("adam@example.se"));
    // The code that turned the second factor on cannot sign in either.
    const sameStepAsSetUp = await codeFor(secret);
    const reused = await code(await passwordStep("adam@example.se"), sameStepAsSetUp);
    expect(reused.status).toBe(401);
    const next = await codeFor(secret, 30); // The next step's code (a phone a little ahead).
    const first = await code(await passwordStep("adam@example.se"), next);
    expect(first.status).toBe(302);
    expect(first.location).toBe("/hub");
    const replay = await code(await passwordStep("adam@example.se"), next);
    expect(replay.status).toBe(401);
    // Nor does an older step's code pass once a later one was used.
    const older = await code(await passwordStep("adam@example.se"), await codeFor(secret, -30));
    expect(older.status).toBe(401);
  });

  test("a recovery code signs in once", async () => {
    await createTestStaff("berit@example.se", "adviser");
    const { codes } = await setUp(await signInCookie("berit@example.se"));
    const first = await code(await passwordStep("berit@example.se"), codes[3].toUpperCase());
    expect(first.status).toBe(302);
    const again = await code(await passwordStep("berit@example.se"), codes[3]);
    expect(again.status).toBe(401);
    const entries = await database()
      .db.selectFrom("audit_log")
      .select("action")
      .where("actor_email", "=", "berit@example.se")
      .execute();
    expect(entries.map((e) => e.action)).toContain("second_factor.recovery_code_used");
  });

  test("wrong codes count against the account like wrong passwords", async () => {
    await createTestStaff("carl@example.se", "adviser");
    const { secret } = await setUp(await signInCookie("carl@example.se"));
    const pending = await passwordStep("carl@example.se");
    for (let i = 0; i < 5; i++) expect((await code(pending, "99999" + i)).status).toBe(401);
    const locked = await code(pending, await codeFor(secret));
    expect(locked.status).toBe(429);
  });

  test("turning it off needs the password; renewing codes replaces them", async () => {
    await createTestStaff("dora@example.se", "adviser");
    const cookie = await signInCookie("dora@example.se");
    const { codes } = await setUp(cookie);
    const post = (form: Record<string, string>) =>
      outcome(() => accountAction(routeArgs(staffRequest("/hub/account", { cookie, form }))));
    const renewed = await post({ intent: "renew-codes" });
    const fresh = (renewed.data as { codes: string[] }).codes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => codes.includes(c))).toBe(false);
    expect(
      (await post({ intent: "disable-second-factor", password: "wrong password" })).status,
    ).toBe(400);
    expect(
      (await post({ intent: "disable-second-factor", password: TEST_PASSWORD })).data,
    ).toMatchObject({ ok: true });
    const login = await outcome(() =>
      loginAction(
        routeArgs(
          staffRequest("/hub/login", {
            form: { email: "dora@example.se", password: TEST_PASSWORD },
          }),
        ),
      ),
    );
    expect(login.location).toBe("/hub");
  });

  test("where the hub file requires it, a hub lead reaches nothing before setting it up, and cannot turn it off", async () => {
    await createTestStaff("eva.lead@example.se", "hub_lead");
    const cookie = await signInCookie("eva.lead@example.se");
    const before = await home(cookie);
    expect(before.status).toBe(302);
    expect(before.location).toBe("/hub/account/second-factor");
    await setUp(cookie);
    expect((await home(cookie)).status).toBe(200);
    const off = await outcome(() =>
      accountAction(
        routeArgs(
          staffRequest("/hub/account", {
            cookie,
            form: { intent: "disable-second-factor", password: TEST_PASSWORD },
          }),
        ),
      ),
    );
    expect(off.status).toBe(400);
    expect(off.data).toMatchObject({ error: "second-factor-required" });
  });
});
