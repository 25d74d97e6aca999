/**
 * The service catalogue managed in the app (/hub/services): who may use it, create, edit,
 * deactivate, stale edits, validation errors beside the fields, import and export, the
 * audit log, version pinning of past results, the rule preview against a brute-force count
 * with the recommender, and the start-up check of the stored catalogue.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formValuesOf, type ServiceFormValues } from "../../app/lib/core/catalogue-form";
import { recommend } from "../../app/lib/core/recommendations";
import type { Service, ServiceRule } from "../../app/lib/core/service-catalogue";
import type { Answers } from "../../app/lib/core/answers";
import { database } from "../../app/lib/server/db.server";
import { getDefinitionRegistry } from "../../app/lib/server/definitions.server";
import {
  activeServices,
  catalogueEntry,
  checkStoredCatalogue,
  getServiceCatalogue,
  listCatalogue,
  previewRules,
  PREVIEW_SAMPLE,
} from "../../app/lib/server/services.server";
import { action as createAction } from "../../app/routes/api.v1.assessments";
import { action as answersAction } from "../../app/routes/api.v1.assessments.$token.answers";
import { loader as resultsLoader } from "../../app/routes/api.v1.assessments.$token.results";
import { action as submitAction } from "../../app/routes/api.v1.assessments.$token.submit";
import * as listRoute from "../../app/routes/hub.services._index";
import * as editRoute from "../../app/routes/hub.services.$id";
import * as newRoute from "../../app/routes/hub.services.new";
import * as importRoute from "../../app/routes/hub.services.import";
import * as exportRoute from "../../app/routes/hub.services[.json]";
import { openAppTestDatabase } from "../helpers/app-db";
import { loadDefinition } from "../helpers/definitions";
import { newOrgNumber } from "../helpers/peers";
import { psoProfile, smeProfile } from "../helpers/profiles";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { routeArgs } from "../helpers/route-args";
import { ORIGIN, outcome, staffRequest } from "../helpers/staff";
import { createStaffCast, type StaffCast } from "../helpers/staff-fixtures";

const api = "http://localhost/api/v1/assessments";
const sme = loadDefinition("dma-sme", "1.1.0");
const pso = loadDefinition("dma-pso", "1.0.0");
const random = createRandom(1214);
let app: { close: () => Promise<void> };
let cast: StaffCast;
const tokens: string[] = [];

const postJson = (url: string, body: unknown) =>
  new Request(url, { method: "POST", body: JSON.stringify(body) });

async function submitted(kind: "sme" | "pso"): Promise<string> {
  const created = await createAction(
    routeArgs(
      postJson(api, {
        language: "en",
        profile:
          kind === "pso"
            ? { ...psoProfile, orgNumber: newOrgNumber() }
            : { ...smeProfile, orgNumber: newOrgNumber() },
      }),
      {},
      { clientAddress: `10.2.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}` },
    ),
  );
  expect(created.status).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const answers = randomAnswers(kind === "pso" ? pso : sme, random);
  const saved = await answersAction(
    routeArgs(postJson(`${api}/${token}/answers`, { answers }), { token }),
  );
  expect(saved.status).toBe(200);
  const done = await submitAction(
    routeArgs(new Request(`${api}/${token}/submit`, { method: "POST" }), { token }),
  );
  expect(done.status).toBe(200);
  return token;
}

async function recommendations(token: string) {
  const response = await resultsLoader(
    routeArgs(new Request(`${api}/${token}/results`), { token }),
  );
  const body = (await response.json()) as {
    recommendations: { serviceId: string; name: { en: string }; reason: { en: string } }[];
  };
  return body.recommendations;
}

/** The editor's form fields for these values (as a browser posts them). */
function formOf(values: ServiceFormValues, extra: [string, string][] = []): [string, string][] {
  const fields: [string, string][] = [
    ["id", values.id],
    ["category", values.category],
    ["priority", values.priority],
    ["name_sv", values.nameSv],
    ["name_en", values.nameEn],
    ["description_sv", values.descriptionSv],
    ["description_en", values.descriptionEn],
    ["email", values.email],
    ["url", values.url],
  ];
  values.rules.forEach((rule, i) => {
    fields.push([`rules.${i}.target`, rule.target]);
    fields.push([`rules.${i}.below`, rule.below]);
    fields.push([`rules.${i}.when`, rule.when]);
    for (const v of rule.values) fields.push([`rules.${i}.values`, v]);
  });
  return [...fields, ...extra];
}

function post(path: string, fields: [string, string][], cookie = cast.cookies.lead): Request {
  const headers = new Headers({ Origin: ORIGIN });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields),
  });
}

function upload(json: string, cookie = cast.cookies.lead): Request {
  const form = new FormData();
  form.set("file", new Blob([json], { type: "application/json" }), "services.json");
  const headers = new Headers({ Origin: ORIGIN });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${ORIGIN}/hub/services/import`, { method: "POST", headers, body: form });
}

const editPath = (id: string) => `/hub/services/${id}`;
const edit = (id: string, fields: [string, string][], cookie?: string) =>
  outcome(() => editRoute.action(routeArgs(post(editPath(id), fields, cookie), { id })));

async function auditEntries(action: string, targetId?: string) {
  let query = database()
    .db.selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .orderBy("id", "desc");
  if (targetId) query = query.where("target_id", "=", targetId);
  return query.execute();
}

const newService: ServiceFormValues = {
  id: "quantum-readiness",
  category: "training",
  priority: "2",
  nameSv: "Kvantberedskap",
  nameEn: "Quantum readiness",
  descriptionSv: "En kurs om kvantdatorer.",
  descriptionEn: "A course on quantum computers.",
  email: "quantum@digithub.se",
  url: "",
  rules: [{ target: "dimension|dma-sme|automation", below: "60", when: "false", values: [] }],
};

beforeAll(async () => {
  app = await openAppTestDatabase();
  cast = await createStaffCast("catalogue-");
  for (let i = 0; i < 24; i++) tokens.push(await submitted(i % 4 === 3 ? "pso" : "sme"));
}, 240_000);

afterAll(async () => {
  await app.close();
});

describe("who may manage the catalogue", () => {
  const id = "cyber-health-check";
  const routes: [string, () => (cookie: string | undefined) => Promise<unknown>][] = [
    [
      "list",
      () => (cookie) => listRoute.loader(routeArgs(staffRequest("/hub/services", { cookie }))),
    ],
    [
      "export",
      () => (cookie) =>
        exportRoute.loader(routeArgs(staffRequest("/hub/services.json", { cookie }))),
    ],
    [
      "new",
      () => (cookie) => newRoute.loader(routeArgs(staffRequest("/hub/services/new", { cookie }))),
    ],
    [
      "create",
      () => (cookie) =>
        newRoute.action(routeArgs(post("/hub/services/new", formOf(newService), cookie ?? ""))),
    ],
    [
      "edit page",
      () => (cookie) => editRoute.loader(routeArgs(staffRequest(editPath(id), { cookie }), { id })),
    ],
    [
      "edit",
      () => (cookie) =>
        editRoute.action(
          routeArgs(
            post(
              editPath(id),
              [
                ["intent", "deactivate"],
                ["revision", "1"],
              ],
              cookie ?? "",
            ),
            {
              id,
            },
          ),
        ),
    ],
    [
      "import page",
      () => (cookie) =>
        importRoute.loader(routeArgs(staffRequest("/hub/services/import", { cookie }))),
    ],
    ["import", () => (cookie) => importRoute.action(routeArgs(upload("{}", cookie ?? "")))],
  ];
  test.each(routes)("%s: adviser 403, anonymous to the sign-in page", async (_, route) => {
    const call = route();
    expect((await outcome(() => call(cast.cookies.adviser) as Promise<unknown>)).status).toBe(403);
    const anonymous = await outcome(() => call(undefined) as Promise<unknown>);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/hub\/login/);
  });
  test("nothing changed for the refused requests", async () => {
    expect(await catalogueEntry("quantum-readiness")).toBeUndefined();
    expect((await catalogueEntry(id))?.active).toBe(true);
  });
});

describe("the seeded catalogue", () => {
  test("an empty catalogue was seeded from services.json, and the list shows every service", async () => {
    const seeded = getServiceCatalogue().services;
    const listed = await outcome(() =>
      listRoute.loader(routeArgs(staffRequest("/hub/services", { cookie: cast.cookies.lead }))),
    );
    expect(listed.status).toBe(200);
    const services = (listed.data as { services: { id: string; rules: number }[] }).services;
    expect(services.map((s) => s.id).sort()).toEqual(seeded.map((s) => s.id).sort());
    const first = seeded[0];
    expect(services.find((s) => s.id === first.id)?.rules).toBe(first.rules.length);
  });
});

describe("creating, editing and deactivating a service", () => {
  test("a service is created from the form, audit-logged, and recommended from then on", async () => {
    const created = await outcome(() =>
      newRoute.action(routeArgs(post("/hub/services/new", formOf(newService)))),
    );
    expect(created.status).toBe(302);
    expect(created.location).toBe("/hub/services/quantum-readiness?saved=created");
    const entry = await catalogueEntry("quantum-readiness");
    expect(entry?.service).toMatchObject({
      category: "training",
      priority: 2,
      rules: [{ definition: "dma-sme", dimension: "automation", below: 60 }],
    });
    expect(entry?.revision).toBe(1);
    expect(entry?.updatedBy).toBe(cast.users.lead.name);
    expect((await activeServices(database().db)).map((s) => s.id)).toContain("quantum-readiness");
    const [logged] = await auditEntries("catalogue.service_created", "quantum-readiness");
    expect(logged.actor_id).toBe(cast.users.lead.id);
    // The same id again is refused beside the field.
    const again = await outcome(() =>
      newRoute.action(routeArgs(post("/hub/services/new", formOf(newService)))),
    );
    expect(again.status).toBe(409);
    expect((again.data as { errors: Record<string, string> }).errors.id).toBe("idTaken");
  });

  test("invalid fields come back with an error beside each, and nothing is saved", async () => {
    const bad: ServiceFormValues = {
      ...newService,
      id: "Not An Id",
      nameSv: " ",
      email: "not-an-email",
      rules: [
        { target: "dimension|dma-sme|automation", below: "150", when: "false", values: [] },
        { target: "row|dma-sme|q9|2", below: "", when: "false", values: [] },
        { target: "dimension|dma-sme|no-such-dimension", below: "20", when: "false", values: [] },
      ],
    };
    const reply = await outcome(() =>
      newRoute.action(routeArgs(post("/hub/services/new", formOf(bad)))),
    );
    expect(reply.status).toBe(400);
    expect((reply.data as { errors: Record<string, string> }).errors).toEqual({
      id: "id",
      name_sv: "required",
      email: "email",
      "rules.0.below": "below",
      "rules.1.values": "values",
      "rules.2.target": "target",
    });
    expect(await catalogueEntry("not-an-id")).toBeUndefined();
    // No rule at all.
    const none = await outcome(() =>
      newRoute.action(
        routeArgs(post("/hub/services/new", formOf({ ...newService, id: "no-rules", rules: [] }))),
      ),
    );
    expect((none.data as { errors: Record<string, string> }).errors).toEqual({ rules: "rules" });
  });

  test("an edit is a new version on the current revision; a stale or empty edit is refused", async () => {
    const before = (await catalogueEntry("quantum-readiness"))!;
    const values = formValuesOf(before.service);
    const edited = { ...values, nameEn: "Quantum readiness course", priority: "3" };
    const saved = await edit("quantum-readiness", formOf(edited, [["revision", "1"]]));
    expect(saved.status).toBe(302);
    const after = (await catalogueEntry("quantum-readiness"))!;
    expect(after.revision).toBe(2);
    expect(after.service.name.en).toBe("Quantum readiness course");
    expect(after.service.priority).toBe(3);
    const versions = await database()
      .db.selectFrom("service_versions")
      .select(["id", "name_en", "priority"])
      .where("service_id", "=", "quantum-readiness")
      .orderBy("id")
      .execute();
    expect(versions.map((v) => [v.name_en, v.priority])).toEqual([
      ["Quantum readiness", 2],
      ["Quantum readiness course", 3],
    ]);
    const [logged] = await auditEntries("catalogue.service_edited", "quantum-readiness");
    expect(logged.details).toMatchObject({
      version: versions[1].id,
      previousVersion: versions[0].id,
    });

    // Someone else's edit made on revision 1 is refused, not written over this one.
    const stale = await edit(
      "quantum-readiness",
      formOf({ ...values, nameEn: "Overwritten" }, [["revision", "1"]]),
    );
    expect(stale.status).toBe(409);
    expect((stale.data as { refusal: string }).refusal).toBe("stale");
    expect((await catalogueEntry("quantum-readiness"))!.service.name.en).toBe(
      "Quantum readiness course",
    );
    // The same content again is no new version.
    const unchanged = await edit("quantum-readiness", formOf(edited, [["revision", "2"]]));
    expect((unchanged.data as { refusal: string }).refusal).toBe("unchanged");
    expect((await catalogueEntry("quantum-readiness"))!.revision).toBe(2);
  });

  test("deactivating stops recommending a service; reactivating brings it back; both audit-logged", async () => {
    const deactivated = await edit("quantum-readiness", [
      ["intent", "deactivate"],
      ["revision", "2"],
    ]);
    expect(deactivated.status).toBe(302);
    expect((await catalogueEntry("quantum-readiness"))!.active).toBe(false);
    expect((await activeServices(database().db)).map((s) => s.id)).not.toContain(
      "quantum-readiness",
    );
    expect(await auditEntries("catalogue.service_deactivated", "quantum-readiness")).toHaveLength(
      1,
    );
    const listed = await listCatalogue();
    expect(listed.find((e) => e.service.id === "quantum-readiness")?.active).toBe(false);
    const reactivated = await edit("quantum-readiness", [
      ["intent", "reactivate"],
      ["revision", "3"],
    ]);
    expect(reactivated.status).toBe(302);
    expect((await catalogueEntry("quantum-readiness"))!.active).toBe(true);
    expect(await auditEntries("catalogue.service_reactivated", "quantum-readiness")).toHaveLength(
      1,
    );
  });

  test("an unknown service is a 404; a form without its revision a 400", async () => {
    expect((await edit("no-such-service", [["revision", "1"]])).status).toBe(404);
    expect(
      (
        await outcome(() =>
          editRoute.loader(
            routeArgs(staffRequest(editPath("no-such-service"), { cookie: cast.cookies.lead }), {
              id: "no-such-service",
            }),
          ),
        )
      ).status,
    ).toBe(404);
    expect((await edit("quantum-readiness", formOf(newService))).status).toBe(400);
  });
});

describe("past results keep the service version they were given", () => {
  test("editing a recommended service leaves a past result's text as it was; a new submission gets the edit", async () => {
    const token = tokens[0];
    const before = await recommendations(token);
    expect(before.length).toBeGreaterThan(0);
    const first = before[0];
    const entry = (await catalogueEntry(first.serviceId))!;
    const values = formValuesOf(entry.service);
    const saved = await edit(
      first.serviceId,
      formOf({ ...values, nameEn: `${values.nameEn} (renamed)` }, [
        ["revision", String(entry.revision)],
      ]),
    );
    expect(saved.status).toBe(302);
    expect(await recommendations(token)).toEqual(before);
    // The recommender now takes the new version, whose id differs from the pinned one.
    const { db } = database();
    const current = (await activeServices(db)).find((s) => s.id === first.serviceId)!;
    expect(current.name.en).toBe(`${values.nameEn} (renamed)`);
    const pinned = await db
      .selectFrom("recommendations")
      .innerJoin("service_versions", "service_versions.id", "recommendations.service_version_id")
      .select(["service_versions.id", "service_versions.name_en"])
      .where("service_versions.service_id", "=", first.serviceId)
      .execute();
    expect(pinned.length).toBeGreaterThan(0);
    for (const row of pinned) {
      expect(row.id).not.toBe(current.versionId);
      expect(row.name_en).toBe(values.nameEn);
    }
  });
});

describe("export and import", () => {
  test("the export is the seed's format, holds every service and is audit-logged", async () => {
    const response = (await exportRoute.loader(
      routeArgs(staffRequest("/hub/services.json", { cookie: cast.cookies.lead })),
    )) as Response;
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="services-/);
    const file = (await response.json()) as { hub: unknown; services: Service[] };
    expect(file.hub).toEqual(getServiceCatalogue().hub);
    expect(file.services.map((s) => s.id).sort()).toEqual(
      (await listCatalogue()).map((e) => e.service.id).sort(),
    );
    expect(await auditEntries("catalogue.exported")).toHaveLength(1);
  });

  test("a file with problems is refused with one line per problem, and nothing changes", async () => {
    const file = {
      hub: getServiceCatalogue().hub,
      services: [
        { ...getServiceCatalogue().services[0], name: { sv: "Ändrad", en: "Changed" } },
        {
          ...getServiceCatalogue().services[1],
          rules: [{ definition: "dma-sme", question: "q8", item: 99, selected: true }],
        },
        { ...getServiceCatalogue().services[2], category: "lunch" },
      ],
    };
    const reply = await outcome(() => importRoute.action(routeArgs(upload(JSON.stringify(file)))));
    expect(reply.status).toBe(400);
    const problems = (reply.data as { problems: { path: string; message: string }[] }).problems;
    expect(problems.map((p) => p.path)).toEqual(["services[2].category"]);
    const broken = await outcome(() => importRoute.action(routeArgs(upload("{ not json"))));
    expect((broken.data as { unreadable: string }).unreadable).toBe("json");
    const ruleProblem = await outcome(() =>
      importRoute.action(
        routeArgs(upload(JSON.stringify({ ...file, services: file.services.slice(0, 2) }))),
      ),
    );
    expect((ruleProblem.data as { problems: { message: string }[] }).problems).toEqual([
      {
        path: "services[1].rules[0]",
        message: expect.stringMatching(/question q8 has no item 99$/) as unknown as string,
        code: "noItem",
        params: expect.objectContaining({ question: "q8", item: "99" }) as unknown as object,
      },
    ]);
    expect((await catalogueEntry(file.services[0].id))!.service.name.en).not.toBe("Changed");
  });

  test("a valid file adds new services and new versions of changed ones, audit-logged", async () => {
    const exported = (await (
      (await exportRoute.loader(
        routeArgs(staffRequest("/hub/services.json", { cookie: cast.cookies.lead })),
      )) as Response
    ).json()) as { hub: unknown; services: Service[] };
    const [changed, ...rest] = exported.services;
    const added: Service = { ...changed, id: "imported-service", active: false };
    const file = {
      ...exported,
      services: [{ ...changed, priority: changed.priority === 3 ? 1 : 3 }, ...rest, added],
    };
    const before = (await catalogueEntry(changed.id))!.revision;
    const reply = await outcome(() => importRoute.action(routeArgs(upload(JSON.stringify(file)))));
    expect(reply.status).toBe(200);
    expect(reply.data).toEqual({
      ok: true,
      created: ["imported-service"],
      updated: [changed.id],
      unchanged: rest.map((s) => s.id),
    });
    expect((await catalogueEntry(changed.id))!.revision).toBe(before + 1);
    expect((await catalogueEntry("imported-service"))!.active).toBe(false);
    const [logged] = await auditEntries("catalogue.imported");
    expect(logged.details).toMatchObject({ created: ["imported-service"], updated: [changed.id] });
  });
});

describe("the rule preview", () => {
  const rules: ServiceRule[] = [
    { definition: "dma-sme", dimension: "data", below: 50 },
    { definition: "dma-sme", question: "q8", item: 5, selected: false },
    { definition: "dma-sme", question: "q9", row: "2", values: [0, 1, 2] },
    { definition: "dma-pso", question: "q9", row: "1", column: "implemented", ticked: false },
    { definition: "dma-pso", dimension: "interoperability", below: 70 },
  ];

  test("counts equal a brute-force count with the recommender over the same assessments", async () => {
    const preview = await previewRules(rules);
    const { db } = database();
    const sample = await db
      .selectFrom("assessments")
      .select(["id", "definition_id", "definition_version", "answers"])
      .where("status", "=", "submitted")
      .orderBy("submitted_at", "desc")
      .limit(PREVIEW_SAMPLE)
      .execute();
    expect(preview.sample).toBe(sample.length);
    expect(sample.length).toBeGreaterThan(20);
    const registry = getDefinitionRegistry();
    const brute = rules.map(() => 0);
    let any = 0;
    for (const a of sample) {
      const scores = await db
        .selectFrom("assessment_scores")
        .select(["dimension", "score"])
        .where("assessment_id", "=", a.id)
        .execute();
      const dimensions = Object.fromEntries(scores.map((s) => [s.dimension, s.score]));
      const definition = registry.get(a.definition_id, a.definition_version)!.definition;
      let fired = false;
      rules.forEach((rule, i) => {
        // One service with this one rule: recommended by the rule itself (not only as the
        // weak dimension's fallback, whose trigger has no threshold).
        const [hit] = recommend({
          definitionId: a.definition_id,
          definition,
          dimensions,
          answers: a.answers as Answers,
          services: [
            {
              id: "probe",
              category: "training",
              name: { sv: "x", en: "x" },
              description: { sv: "x", en: "x" },
              contact: { email: "a@b.se" },
              priority: 1,
              rules: [rule],
            },
          ],
        });
        if (hit && (hit.trigger.kind !== "dimension" || hit.trigger.below !== undefined)) {
          brute[i]++;
          fired = true;
        }
      });
      if (fired) any++;
    }
    expect(preview.rules).toEqual(brute);
    expect(preview.service).toBe(any);
    // Every kind of rule fired for some and not for others in this sample.
    expect(brute.some((n) => n > 0)).toBe(true);
    // A dimension rule also equals plain SQL over the stored scores.
    const ids = sample.map((a) => a.id);
    const sql = await db
      .selectFrom("assessment_scores")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("assessment_id", "in", ids)
      .where("dimension", "=", "data")
      .where("definition_id", "=", "dma-sme")
      .where("score", "<", 50)
      .executeTakeFirstOrThrow();
    expect(preview.rules[0]).toBe(Number(sql.n));
  });

  test("the editor previews the posted rules without saving them", async () => {
    const entry = (await catalogueEntry("quantum-readiness"))!;
    const values = formValuesOf(entry.service);
    const reply = await edit(
      "quantum-readiness",
      formOf(
        {
          ...values,
          rules: [
            { target: "dimension|dma-sme|data", below: "50", when: "false", values: [] },
            { target: "dimension|dma-sme|data", below: "500", when: "false", values: [] },
          ],
        },
        [
          ["intent", "preview"],
          ["revision", String(entry.revision)],
        ],
      ),
    );
    expect(reply.status).toBe(200);
    const data = reply.data as {
      preview: { rules: (number | null)[] };
      errors: Record<string, string>;
      values: ServiceFormValues;
    };
    expect(data.preview.rules).toEqual([(await previewRules([rules[0]])).rules[0], null, null]);
    expect(data.errors).toEqual({ "rules.1.below": "below" });
    expect(data.values.rules).toHaveLength(3);
    expect((await catalogueEntry("quantum-readiness"))!.revision).toBe(entry.revision);
  });
});

describe("the start-up check of the stored catalogue", () => {
  test("passes for the catalogue as edited, and stops at a rule naming a missing question", async () => {
    const { db } = database();
    await checkStoredCatalogue(db);
    await db
      .updateTable("services")
      .set({
        rules: JSON.stringify([
          { definition: "dma-sme", question: "q99", item: 1, selected: true },
        ]),
      })
      .where("id", "=", "quantum-readiness")
      .execute();
    try {
      await expect(checkStoredCatalogue(db)).rejects.toThrow(
        "services table: service quantum-readiness, rule 1: dma-sme@1.0.0, 1.1.0 has no question q99",
      );
    } finally {
      await db
        .updateTable("services")
        .set({ active: false })
        .where("id", "=", "quantum-readiness")
        .execute();
    }
    await checkStoredCatalogue(db);
  });
});
