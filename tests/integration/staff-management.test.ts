import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { loader as auditCsvLoader } from "../../app/routes/hub.audit[.csv]";
import { loader as auditLoader } from "../../app/routes/hub.audit";
import { action as assignAction, loader as assignLoader } from "../../app/routes/hub.assignments";
import {
  action as setPasswordAction,
  loader as setPasswordLoader,
} from "../../app/routes/hub.set-password.$token";
import { action as staffAction } from "../../app/routes/hub.staff";
import { action as loginAction } from "../../app/routes/hub.login";
import { loader as privacyLoader } from "../../app/routes/privacy";
import { openAppTestDatabase } from "../helpers/app-db";
import { routeArgs } from "../helpers/route-args";
import {
  createTestStaff,
  outcome,
  signInCookie,
  staffRequest,
  TEST_PASSWORD,
} from "../helpers/staff";
import { insertTestCompany } from "../helpers/staff-fixtures";

let app: { close: () => Promise<void> };
let lead: string;
let leadId: string;
beforeAll(async () => {
  app = await openAppTestDatabase();
  leadId = (await createTestStaff("lead@example.se", "hub_lead", "mobile-heights")).id;
  lead = await signInCookie("lead@example.se");
});
afterAll(async () => {
  await app.close();
});

const staffPost = (form: Record<string, string>, cookie = lead) =>
  outcome(() => staffAction(routeArgs(staffRequest("/hub/staff", { cookie, form }))));

const tokenOf = (url: string) => url.split("/hub/set-password/")[1];

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await database()
    .db.selectFrom("audit_log")
    .select("action")
    .where("target_id", "=", targetId)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.action);
}

describe("invitations and one-time links", () => {
  test("a hub lead invites an adviser; the link sets a password once; then they sign in", async () => {
    const invited = await staffPost({
      intent: "invite",
      email: "Nina@Example.se",
      name: "Nina Holm",
      role: "adviser",
      partnerId: "linneuniversitetet",
      language: "sv",
    });
    expect(invited.status).toBe(200);
    const data = invited.data as { ok: string; url: string; emailed: boolean };
    expect(data.ok).toBe("invited");
    expect(data.emailed).toBe(false); // No SMTP_URL in this file.
    expect(data.url).toMatch(/^http:\/\/localhost\/hub\/set-password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(data.url);

    const page = await outcome(() =>
      setPasswordLoader(routeArgs(staffRequest(`/hub/set-password/${token}`), { token })),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      link: { name: "Nina Holm", email: "nina@example.se", purpose: "invite" },
    });

    const set = (password: string, confirm = password) =>
      outcome(() =>
        setPasswordAction(
          routeArgs(staffRequest(`/hub/set-password/${token}`, { form: { password, confirm } }), {
            token,
          }),
        ),
      );
    expect((await set("short")).data).toEqual({ error: "too-short" });
    expect((await set("qwerty123456")).data).toEqual({ error: "too-common" });
    expect((await set("a good long passphrase", "another one")).data).toEqual({
      error: "mismatch",
    });
    const user = await database()
      .db.selectFrom("users")
      .selectAll()
      .where("email", "=", "nina@example.se")
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull(); // Refused tries changed nothing.

    const ok = await set("a good long passphrase");
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/hub/login?passwordSet=1");
    const reused = await set("another good passphrase");
    expect(reused.status).toBe(410);
    expect(reused.data).toEqual({ error: "link-invalid" });
    const login = await outcome(() =>
      loginAction(
        routeArgs(
          staffRequest("/hub/login", {
            form: { email: "nina@example.se", password: "a good long passphrase" },
          }),
        ),
      ),
    );
    expect(login.status).toBe(302);
    expect(await auditActions(user.id)).toEqual(["staff.invited"]);
    const set_ = await database()
      .db.selectFrom("audit_log")
      .select("action")
      .where("actor_id", "=", user.id)
      .orderBy("id")
      .execute();
    expect(set_.map((r) => r.action)).toEqual(["staff.password_set", "sign_in.succeeded"]);
  });

  test("an expired, unknown or malformed link is refused with 410 and changes nothing", async () => {
    const invited = await staffPost({
      intent: "invite",
      email: "olle@example.se",
      name: "Olle",
      role: "adviser",
    });
    const token = tokenOf((invited.data as { url: string }).url);
    await database()
      .db.updateTable("one_time_links")
      .set({ expires_at: sql`now() - interval '1 second'` })
      .execute();
    for (const candidate of [token, "A".repeat(43), "not-a-token", "../../etc"]) {
      const page = await outcome(() =>
        setPasswordLoader(routeArgs(staffRequest(`/hub/set-password/x`), { token: candidate })),
      );
      expect(page.status).toBe(410);
      const post = await outcome(() =>
        setPasswordAction(
          routeArgs(
            staffRequest(`/hub/set-password/x`, {
              form: { password: "a good long passphrase", confirm: "a good long passphrase" },
            }),
            { token: candidate },
          ),
        ),
      );
      expect(post.status).toBe(410);
    }
    const user = await database()
      .db.selectFrom("users")
      .select("password_hash")
      .where("email", "=", "olle@example.se")
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
  });

  test("a reset link replaces the password and ends the account's sessions; older links die", async () => {
    const user = await createTestStaff("petra@example.se", "adviser");
    const cookie = await signInCookie("petra@example.se");
    const first = tokenOf(
      ((await staffPost({ intent: "reset-link", userId: user.id })).data as { url: string }).url,
    );
    const second = tokenOf(
      ((await staffPost({ intent: "reset-link", userId: user.id })).data as { url: string }).url,
    );
    const use = (token: string) =>
      outcome(() =>
        setPasswordAction(
          routeArgs(
            staffRequest(`/hub/set-password/${token}`, {
              form: { password: "brand new passphrase", confirm: "brand new passphrase" },
            }),
            { token },
          ),
        ),
      );
    expect((await use(first)).status).toBe(410);
    expect((await use(second)).status).toBe(302);
    const sessions = await database()
      .db.selectFrom("sessions")
      .select("id")
      .where("user_id", "=", user.id)
      .execute();
    expect(sessions).toEqual([]);
    expect(cookie).toBeTruthy();
  });

  test.each([
    [{ intent: "invite", email: "not an email", name: "X", role: "adviser" }, 400, "invalid"],
    [{ intent: "invite", email: "q@example.se", name: "", role: "adviser" }, 400, "invalid"],
    [{ intent: "invite", email: "q@example.se", name: "Q", role: "admin" }, 400, "invalid"],
    [
      { intent: "invite", email: "q@example.se", name: "Q", role: "adviser", partnerId: "nope" },
      400,
      "unknown-partner",
    ],
    [
      { intent: "invite", email: "LEAD@example.se", name: "Q", role: "adviser" },
      400,
      "email-taken",
    ],
    [
      {
        intent: "update",
        userId: "00000000-0000-4000-8000-000000000000",
        role: "adviser",
        partnerId: "",
      },
      404,
      "unknown-user",
    ],
    [{ intent: "disable", userId: "not-a-uuid" }, 400, "invalid"],
    [{ intent: "explode" }, 400, "invalid"],
  ])("a bad form %j gets %i (%s) and changes nothing", async (form, status, error) => {
    const before = await database().db.selectFrom("users").selectAll().orderBy("email").execute();
    const result = await staffPost(form as Record<string, string>);
    expect(result.status).toBe(status);
    expect(result.data).toMatchObject({ error });
    expect(await database().db.selectFrom("users").selectAll().orderBy("email").execute()).toEqual(
      before,
    );
  });
});

describe("roles, partners and status", () => {
  test("the last active hub lead cannot disable or demote themself; with a second one they can", async () => {
    const disable = await staffPost({ intent: "disable", userId: leadId });
    expect(disable.status).toBe(409);
    expect(disable.data).toMatchObject({ error: "last-hub-lead" });
    const demote = await staffPost({
      intent: "update",
      userId: leadId,
      role: "adviser",
      partnerId: "",
    });
    expect(demote.status).toBe(409);
    const me = await database()
      .db.selectFrom("users")
      .selectAll()
      .where("id", "=", leadId)
      .executeTakeFirstOrThrow();
    expect(me.role).toBe("hub_lead");
    expect(me.status).toBe("active");

    const second = await createTestStaff("second.lead@example.se", "hub_lead");
    const secondCookie = await signInCookie("second.lead@example.se");
    const byOther = await staffPost({ intent: "disable", userId: second.id });
    expect(byOther.status).toBe(200);
    // The disabled lead's session ended at once.
    expect(
      await database()
        .db.selectFrom("sessions")
        .select("id")
        .where("user_id", "=", second.id)
        .execute(),
    ).toEqual([]);
    const again = await staffPost({ intent: "enable", userId: second.id });
    expect(again.data).toMatchObject({ ok: "enabled" });
    expect(await auditActions(second.id)).toEqual([
      "staff.created",
      "staff.disabled",
      "staff.enabled",
    ]);
    expect(secondCookie).toBeTruthy();
  });

  test("a role and partner change is saved and audit-logged with both values", async () => {
    const user = await createTestStaff("rut@example.se", "adviser", "rise");
    const result = await staffPost({
      intent: "update",
      userId: user.id,
      role: "hub_lead",
      partnerId: "techtank",
    });
    expect(result.data).toMatchObject({ ok: "updated" });
    const saved = await database()
      .db.selectFrom("users")
      .selectAll()
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect([saved.role, saved.partner_id]).toEqual(["hub_lead", "techtank"]);
    const entries = await database()
      .db.selectFrom("audit_log")
      .select(["action", "details", "actor_id"])
      .where("target_id", "=", user.id)
      .orderBy("id")
      .execute();
    expect(entries.slice(1)).toEqual([
      {
        action: "staff.role_changed",
        details: { from: "adviser", to: "hub_lead" },
        actor_id: leadId,
      },
      {
        action: "staff.partner_changed",
        details: { from: "rise", to: "techtank" },
        actor_id: leadId,
      },
    ]);
  });
});

describe("assignments", () => {
  test("a hub lead finds a company by name or number and assigns it; the adviser then sees it", async () => {
    const adviser = await createTestStaff("sven@example.se", "adviser", "iuc-syd");
    const companyId = await insertTestCompany("Ystad Gjuteri AB", true);
    const search = await outcome(() =>
      assignLoader(routeArgs(staffRequest("/hub/assignments?q=gjuteri", { cookie: lead }))),
    );
    const results = (search.data as { results: { id: string }[] }).results;
    expect(results.map((r) => r.id)).toEqual([companyId]);
    const post = (intent: string, form: Record<string, string> = {}) =>
      outcome(() =>
        assignAction(
          routeArgs(
            staffRequest("/hub/assignments", {
              cookie: lead,
              form: { intent, companyId, adviserId: adviser.id, ...form },
            }),
          ),
        ),
      );
    expect((await post("assign")).data).toEqual({ ok: "assign" });
    expect((await post("assign")).data).toEqual({ ok: "assign" }); // Idempotent.
    const list = await outcome(() =>
      assignLoader(
        routeArgs(staffRequest(`/hub/assignments?adviser=${adviser.id}`, { cookie: lead })),
      ),
    );
    expect(
      (list.data as { adviserCompanies: { id: string }[] }).adviserCompanies.map((c) => c.id),
    ).toEqual([companyId]);
    expect((await post("unassign")).data).toEqual({ ok: "unassign" });
    expect(await auditActions(companyId)).toEqual(["company.assigned", "company.unassigned"]);
    // A hub lead cannot be assigned as an adviser; an unknown company is 404.
    expect((await post("assign", { adviserId: leadId })).status).toBe(400);
    expect(
      (await post("assign", { companyId: "00000000-0000-4000-8000-000000000000" })).status,
    ).toBe(404);
    expect((await post("assign", { companyId: "nope" })).status).toBe(400);
  });
});

describe("the audit page", () => {
  test("filters by person, action and date, pages, and downloads the same rows as CSV", async () => {
    const audit = (query: string) =>
      outcome(() => auditLoader(routeArgs(staffRequest(`/hub/audit${query}`, { cookie: lead }))));
    const all = (await audit("")).data as {
      total: number;
      entries: { action: string }[];
      pages: number;
    };
    expect(all.total).toBeGreaterThan(10);
    const mine = (await audit(`?person=${leadId}&action=sign_in.succeeded`)).data as {
      entries: { action: string; actorEmail: string }[];
    };
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(
      mine.entries.every(
        (e) => e.action === "sign_in.succeeded" && e.actorEmail === "lead@example.se",
      ),
    ).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(((await audit(`?from=${today}&to=${today}`)).data as { total: number }).total).toBe(
      all.total,
    );
    expect(((await audit(`?to=2000-01-01`)).data as { total: number }).total).toBe(0);
    for (const bad of [
      "?from=yesterday",
      "?person=x",
      "?page=0",
      "?from=2026-02-31x",
      "?action=DROP%20TABLE",
    ]) {
      const result = await audit(bad);
      expect(result.status).toBe(400);
    }

    const response = (await auditCsvLoader(
      routeArgs(
        staffRequest(`/hub/audit.csv?person=${leadId}&action=sign_in.succeeded`, { cookie: lead }),
      ),
    )) as Response;
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheets.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.startsWith("time_utc,actor_email,action")).toBe(true);
    const lines = text.trim().split("\r\n").slice(1);
    expect(lines).toHaveLength(mine.entries.length);
    expect(lines.every((l) => l.includes(",lead@example.se,sign_in.succeeded,"))).toBe(true);
    // The download itself is recorded.
    const exported = await database()
      .db.selectFrom("audit_log")
      .select("action")
      .where("action", "=", "audit.exported")
      .execute();
    expect(exported).toHaveLength(1);
  });

  test("pages through more entries than fit one page", async () => {
    const { db } = database();
    await db
      .insertInto("audit_log")
      .values(
        Array.from({ length: 120 }, () => ({
          actor_id: null,
          actor_email: "bulk@example.se",
          action: "sign_in.failed",
        })),
      )
      .execute();
    const page = (n: number) =>
      outcome(() =>
        auditLoader(
          routeArgs(staffRequest(`/hub/audit?action=sign_in.failed&page=${n}`, { cookie: lead })),
        ),
      );
    const first = (await page(1)).data as {
      entries: { id: string }[];
      pages: number;
      total: number;
    };
    const third = (await page(3)).data as { entries: { id: string }[] };
    expect(first.entries).toHaveLength(50);
    expect(first.pages).toBe(Math.ceil(first.total / 50));
    expect(third.entries.length).toBe(first.total - 100);
    expect(new Set([...first.entries, ...third.entries].map((e) => e.id)).size).toBe(
      first.entries.length + third.entries.length,
    );
  });
});

describe("the privacy page", () => {
  test("names the hub's privacy contact from the hub file", async () => {
    const result = await outcome(() => privacyLoader(routeArgs(staffRequest("/privacy"))));
    expect(result.data).toMatchObject({
      privacy: { email: "dataskydd@digithub.se" },
      hubName: { en: "DigIT Hub Sweden" },
    });
  });
});

test("the test password is not among the common ones", () => {
  expect(TEST_PASSWORD.length).toBeGreaterThanOrEqual(12);
});
