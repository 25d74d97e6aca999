import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "../../app/lib/server/db.server";
import { openAssessment } from "../../app/lib/server/assessments.server";
import { loader as companyLoader } from "../../app/routes/hub.companies.$id";
import { action } from "../../app/routes/hub.companies.$id_.workspace";
import { openAppTestDatabase } from "../helpers/app-db";
import { routeArgs } from "../helpers/route-args";
import { outcome, staffRequest } from "../helpers/staff";
import { createStaffCast, type StaffCast } from "../helpers/staff-fixtures";
import { insertStoredAssessment } from "../helpers/workspace-fixtures";

let app: { close: () => Promise<void> };
let cast: StaffCast;
beforeAll(async () => {
  app = await openAppTestDatabase();
  cast = await createStaffCast();
});
afterAll(async () => {
  await app.close();
});

function post(who: keyof StaffCast["cookies"], form: Record<string, string>, company?: string) {
  const id = company ?? cast.companies.own;
  return outcome(() =>
    action(
      routeArgs(
        staffRequest(`/hub/companies/${id}/workspace`, { cookie: cast.cookies[who], form }),
        { id },
      ),
    ),
  ) as Promise<{ status: number; location?: string; data?: Record<string, unknown> }>;
}

const db = () => database().db;
const count = async (table: "company_notes" | "delivered_services") =>
  (
    await db()
      .selectFrom(table)
      .select(db().fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
  ).n;
const auditCount = async (action: string) =>
  Number(
    (
      await db()
        .selectFrom("audit_log")
        .select(db().fn.countAll<number>().as("n"))
        .where("action", "=", action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("notes", () => {
  test.each([
    ["anonymous", 302],
    ["other", 404],
    ["disabled", 302],
  ] as const)("%s cannot add a note (%i), and nothing is stored", async (who, status) => {
    const before = await count("company_notes");
    const result = await post(who, { intent: "note.add", body: "Hello" });
    expect(result.status).toBe(status);
    expect(await count("company_notes")).toBe(before);
  });

  test("an adviser of an unconsented company gets a 404", async () => {
    const result = await post(
      "adviser",
      { intent: "note.add", body: "x" },
      cast.companies.unconsented,
    );
    expect(result.status).toBe(404);
  });

  test("the adviser and the hub lead add notes, with line breaks, audit-logged without the text", async () => {
    const before = await auditCount("company.note_added");
    expect(
      await post("adviser", { intent: "note.add", body: "Met the CEO.\nNext: data" }),
    ).toMatchObject({
      status: 200,
      data: { ok: true },
    });
    expect((await post("lead", { intent: "note.add", body: "Lead's note" })).status).toBe(200);
    const notes = await db()
      .selectFrom("company_notes")
      .selectAll()
      .orderBy("created_at")
      .execute();
    expect(notes.map((n) => n.body)).toEqual(["Met the CEO.\nNext: data", "Lead's note"]);
    expect(await auditCount("company.note_added")).toBe(before + 2);
    const entry = await db()
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "company.note_added")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.details)).not.toContain("Lead's note");
  });

  test("an empty note is refused beside the field", async () => {
    const result = await post("adviser", { intent: "note.add", body: "  " });
    expect(result).toMatchObject({ status: 400, data: { errors: { body: "required" } } });
  });

  test("the author edits within 24 h; a stale edit, another author and an old note are refused", async () => {
    const note = await db()
      .selectFrom("company_notes")
      .selectAll()
      .where("author_id", "=", cast.users.adviser.id)
      .executeTakeFirstOrThrow();
    const version = note.updated_at.toISOString();
    const edit = (who: "adviser" | "lead", v: string, body = "Edited") =>
      post(who, { intent: "note.edit", noteId: note.id, version: v, body });

    expect(await edit("lead", version)).toMatchObject({
      status: 409,
      data: { errors: { form: "notEditable" } },
    });
    expect((await edit("adviser", version)).status).toBe(200);
    // The same version again: someone (here, the author) changed it since.
    expect(await edit("adviser", version, "Overwrite")).toMatchObject({
      status: 409,
      data: { errors: { form: "stale" } },
    });
    const stored = await db()
      .selectFrom("company_notes")
      .select("body")
      .where("id", "=", note.id)
      .executeTakeFirstOrThrow();
    expect(stored.body).toBe("Edited");

    await db()
      .updateTable("company_notes")
      .set({ created_at: new Date(Date.now() - 25 * 3600 * 1000) })
      .where("id", "=", note.id)
      .execute();
    const fresh = await db()
      .selectFrom("company_notes")
      .select("updated_at")
      .where("id", "=", note.id)
      .executeTakeFirstOrThrow();
    expect(await edit("adviser", fresh.updated_at.toISOString())).toMatchObject({
      status: 409,
      data: { errors: { form: "notEditable" } },
    });
  });
});

describe("delivered services", () => {
  const valid = {
    intent: "service.record",
    title: "Data strategy workshop",
    category: "training",
    technologyType: "data-cloud",
    description: "Half a day with the management team",
    priceEur: "1500",
    attendees: "6",
    startDate: "2026-03-02",
    endDate: "2026-03-02",
    partnerId: "iuc-syd",
  };

  test("the adviser records a free-text service with every reporting field", async () => {
    const result = await post("adviser", valid);
    expect(result).toMatchObject({ status: 200, data: { ok: true } });
    const row = await db().selectFrom("delivered_services").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      company_id: cast.companies.own,
      title: "Data strategy workshop",
      category: "training",
      technology_type: "data-cloud",
      price_eur: "1500.00",
      attendees: 6,
      partner_id: "iuc-syd",
      created_by: cast.users.adviser.id,
    });
    expect(row.start_date.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(await auditCount("company.service_recorded")).toBe(1);
  });

  test("a catalogue service takes its name and category from the catalogue, price 0 allowed", async () => {
    const result = await post("lead", {
      ...valid,
      title: "",
      category: "",
      serviceId: "cyber-health-check",
      priceEur: "0",
      attendees: "",
    });
    expect(result.status).toBe(200);
    const row = await db()
      .selectFrom("delivered_services")
      .selectAll()
      .where("service_id", "=", "cyber-health-check")
      .executeTakeFirstOrThrow();
    expect(row.service_version_id).not.toBeNull();
    expect(row.price_eur).toBe("0.00");
    expect(row.title.length).toBeGreaterThan(0);
  });

  test.each([
    [{ endDate: "2026-03-01" }, { endDate: "endBeforeStart" }],
    [{ priceEur: "-1" }, { priceEur: "negativePrice" }],
    [{ category: "consulting" }, { category: "unknownCategory" }],
    [{ partnerId: "acme" }, { partnerId: "unknownPartner" }],
    [{ serviceId: "no-such-service" }, { serviceId: "unknownService" }],
    [
      { recommendation: "00000000-0000-4000-8000-000000000000:1" },
      { recommendation: "unknownRecommendation" },
    ],
  ])("%j is refused with %j and nothing is stored", async (change, errors) => {
    const before = await count("delivered_services");
    const result = await post("adviser", { ...valid, ...change });
    expect(result).toMatchObject({ status: 400, data: { ok: false, errors } });
    expect(await count("delivered_services")).toBe(before);
  });

  test("another adviser cannot record or remove one (404)", async () => {
    const row = await db().selectFrom("delivered_services").select("id").executeTakeFirstOrThrow();
    expect((await post("other", valid)).status).toBe(404);
    expect(
      (await post("other", { intent: "service.remove", deliveredServiceId: row.id })).status,
    ).toBe(404);
    expect(
      (await post("adviser", { intent: "service.remove", deliveredServiceId: row.id })).status,
    ).toBe(200);
    expect(await auditCount("company.service_removed")).toBe(1);
  });
});

describe("follow-up links", () => {
  test("issues T1 after T0, never touching T0's link; again gives a further T1 link, and the first still works", async () => {
    const t0 = await insertStoredAssessment(cast.companies.own, "T0", { score: 40 });
    const t0Hash = async () =>
      (
        await db()
          .selectFrom("assessments")
          .select("resume_token_hash")
          .where("id", "=", t0)
          .executeTakeFirstOrThrow()
      ).resume_token_hash;
    const hashBefore = await t0Hash();
    const first = await post("adviser", { intent: "followup.issue", definitionId: "dma-sme" });
    expect(first).toMatchObject({
      status: 200,
      data: { ok: true, followUp: { stage: "T1", emailed: false } },
    });
    const url = (first.data!.followUp as { url: string }).url;
    const token = url.split("/a/")[1];
    const openedAt = async () =>
      (
        await db()
          .selectFrom("assessments")
          .select("opened_at")
          .where("stage", "=", "T1")
          .where("company_id", "=", cast.companies.own)
          .executeTakeFirstOrThrow()
      ).opened_at;
    expect(await openedAt()).toBeNull();
    const opened = await openAssessment(token);
    expect(opened.assessment.stage).toBe("T1");
    const firstOpened = await openedAt();
    expect(firstOpened).toBeInstanceOf(Date);
    await openAssessment(token);
    expect(await openedAt()).toEqual(firstOpened);

    const second = await post("adviser", { intent: "followup.issue", definitionId: "dma-sme" });
    const token2 = (second.data!.followUp as { url: string }).url.split("/a/")[1];
    expect(token2).not.toBe(token);
    // Links never rotate (decision 010): the link the company saved keeps working.
    expect((await openAssessment(token)).assessment.id).toBe(opened.assessment.id);
    expect((await openAssessment(token2)).assessment.id).toBe(opened.assessment.id);
    expect(await t0Hash()).toBe(hashBefore);
    expect(await auditCount("company.followup_issued")).toBe(2);
    const entry = await db()
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "company.followup_issued")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.details)).not.toContain(token);
  });

  test("nothing to follow up: a clear refusal", async () => {
    const result = await post("lead", { intent: "followup.issue", definitionId: "dma-pso" });
    expect(result).toMatchObject({ status: 409, data: { errors: { form: "noFollowUp" } } });
  });

  test("an unknown intent is refused", async () => {
    expect(await post("adviser", { intent: "drop-tables" })).toMatchObject({
      status: 400,
      data: { errors: { form: "unknownAction" } },
    });
  });
});

describe("the company page", () => {
  test("shows notes, delivered services, progress and the follow-up state", async () => {
    const result = await outcome(() =>
      companyLoader(
        routeArgs(
          staffRequest(`/hub/companies/${cast.companies.own}`, { cookie: cast.cookies.adviser }),
          {
            id: cast.companies.own,
          },
        ),
      ),
    );
    expect(result.status).toBe(200);
    const data = result.data as {
      workspace: {
        notes: { body: string; editable: boolean }[];
        delivered: { title: string }[];
        progress: { stages: { stage: string }[] }[];
        followUps: { definitionId: string; nextStage: string; existing: unknown }[];
        latest: {
          gaps: {
            gap: number;
            items: { key: string; label: string; gap: number; priority: number }[];
          }[];
        };
      };
    };
    expect(data.workspace.notes.map((n) => n.body)).toContain("Lead's note");
    expect(data.workspace.delivered).toHaveLength(1);
    expect(data.workspace.progress[0].stages.map((s) => s.stage)).toEqual(["T0"]);
    expect(data.workspace.followUps[0]).toMatchObject({ definitionId: "dma-sme", nextStage: "T1" });
    expect(data.workspace.followUps[0].existing).toMatchObject({
      status: "in_progress",
      openedAt: expect.any(Date),
    });
    // The agenda: each dimension's items, named from the definition, add up to its gap.
    const gaps = data.workspace.latest.gaps;
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) {
      expect(gap.items.reduce((sum, item) => sum + item.gap, 0)).toBeCloseTo(gap.gap, 6);
      for (const item of gap.items) expect(item.label).not.toBe(item.key);
      const priorities = gap.items.map((item) => item.priority);
      expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    }
  });
});
