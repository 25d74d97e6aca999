import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startNextAssessment } from "../../app/lib/server/assessments.server";
import {
  PEER_GROUP_KINDS,
  PEER_GROUPS,
  PRIVACY_FLOOR,
  COARSE_BELOW,
  COARSE_STEP,
  type PeerGroupKind,
} from "../../app/lib/core/benchmark";
import { database } from "../../app/lib/server/db.server";
import { seedDemoData } from "../../app/lib/server/demo-seed.server";
import { action as createAction } from "../../app/routes/api.v1.assessments";
import { action as answersAction } from "../../app/routes/api.v1.assessments.$token.answers";
import { loader as resultsLoader } from "../../app/routes/api.v1.assessments.$token.results";
import { action as submitAction } from "../../app/routes/api.v1.assessments.$token.submit";
import { loader as pageLoader } from "../../app/routes/a.$token_.results";
import { getServiceCatalogue, syncServiceCatalogue } from "../../app/lib/server/services.server";
import { rebuildPeerStatistics } from "../../app/lib/server/peers.server";
import { openAppTestDatabase } from "../helpers/app-db";
import { benchmarkTables, confirmCompanyOf, newOrgNumber } from "../helpers/peers";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { routeArgs } from "../helpers/route-args";

const base = "http://localhost/api/v1/assessments";
const dma = loadDefinition("dma-sme", "1.1.0");
const pso = loadDefinition("dma-pso", "1.0.0");
const random = createRandom(2026);
let app: { close: () => Promise<void> };

const post = (url: string, body: unknown) =>
  new Request(url, { method: "POST", body: JSON.stringify(body) });

/** Confirms the company of a link as a genuine customer (a hub lead's action). */
const confirm = confirmCompanyOf;

interface Profile {
  primarySector: string;
  sizeClass: string;
  region: string;
  consentBenchmark: boolean;
}

interface PsoProfile {
  organisationType: string;
  primaryArea: string;
  sizeClass: string;
  region: string;
  consentBenchmark: boolean;
}

/**
 * Creates, answers and submits an assessment through the API; returns its token. The hub
 * confirms the company before it submits (`before`), after (`after`) or not at all.
 */
async function submitted(
  profile: Profile | PsoProfile,
  answers?: Record<string, unknown>,
  options: { confirm?: "before" | "after" | "never"; orgNumber?: string } = {},
) {
  const isPso = "organisationType" in profile;
  const orgNumber = options.orgNumber ?? newOrgNumber();
  const created = await createAction(
    routeArgs(
      post(base, {
        language: "en",
        profile: {
          ...(isPso
            ? { customerType: "pso", organisationName: "Testkommun", orgNumber }
            : { companyName: "Testbolaget AB", orgNumber }),
          contactName: "Test Person",
          contactEmail: "test@example.se",
          ...profile,
        },
      }),
      {},
      { clientAddress: `10.1.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}` },
    ),
  );
  expect(created.status).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const when = options.confirm ?? "before";
  if (when === "before") await confirm(token);
  await submitAnswers(token, answers ?? randomAnswers(isPso ? pso : dma, random));
  if (when === "after") await confirm(token);
  return token;
}

async function submitAnswers(token: string, answers: Record<string, unknown>) {
  const saved = await answersAction(
    routeArgs(post(`${base}/${token}/answers`, { answers }), { token }),
  );
  expect(saved.status).toBe(200);
  const done = await submitAction(
    routeArgs(new Request(`${base}/${token}/submit`, { method: "POST" }), { token }),
  );
  expect(done.status).toBe(200);
}

async function results(token: string) {
  const response = await resultsLoader(
    routeArgs(new Request(`${base}/${token}/results`), { token }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as ApiResults;
}

interface ApiStats {
  median: number;
  q1: number;
  q3: number;
  /** Absent in a coarsened group, which has a position instead. */
  percentile?: number;
  position?: "above" | "around" | "below";
}
interface ApiResults {
  customerType: "sme" | "pso";
  definition: { id: string };
  overall: number;
  dimensions: Record<string, number>;
  peers: {
    privacyFloor: number;
    chosen: PeerGroupKind | null;
    groups: (
      | {
          kind: PeerGroupKind;
          value: string;
          shown: true;
          companies: number;
          coarse: boolean;
          metrics: Record<string, ApiStats>;
        }
      | { kind: PeerGroupKind; value: string; shown: false }
    )[];
    strengths: string[];
  };
  recommendations: {
    rank: number;
    serviceId: string;
    category: string;
    name: { sv: string; en: string };
    reason: { sv: string; en: string };
    trigger: Record<string, unknown>;
  }[];
}

const profiles: Profile[] = [
  {
    primarySector: "manufacturing",
    sizeClass: "small",
    region: "blekinge",
    consentBenchmark: true,
  },
  { primarySector: "ict", sizeClass: "micro", region: "skane", consentBenchmark: true },
  { primarySector: "manufacturing", sizeClass: "medium", region: "skane", consentBenchmark: false },
  {
    primarySector: "construction",
    sizeClass: "small",
    region: "kronoberg",
    consentBenchmark: true,
  },
];
const psoProfiles: PsoProfile[] = [
  {
    organisationType: "municipal",
    primaryArea: "general-public-services",
    sizeClass: "large",
    region: "skane",
    consentBenchmark: true,
  },
  {
    organisationType: "national",
    primaryArea: "health",
    sizeClass: "medium",
    region: "kronoberg",
    consentBenchmark: true,
  },
  {
    organisationType: "regional",
    primaryArea: "economic-affairs",
    sizeClass: "small",
    region: "blekinge",
    consentBenchmark: false,
  },
];
const tokens: string[] = [];
const psoTokens: string[] = [];

beforeAll(async () => {
  app = await openAppTestDatabase();
  // Demo companies and about 40 demo public sector organisations.
  await seedDemoData();
  // Submissions through the service keep the histograms current; some follow up. Most
  // are confirmed before they submit, some after, some never; a few pairs of companies
  // share an organisation number (one organisation counted once).
  const confirmWhen = ["before", "before", "after", "never"] as const;
  for (let i = 0; i < 24; i++) {
    tokens.push(
      await submitted(profiles[i % profiles.length], undefined, {
        confirm: confirmWhen[i % 4],
        orgNumber: i % 6 === 5 ? newOrgNumber(1) : undefined,
      }),
    );
  }
  for (const token of tokens.slice(0, 6)) {
    const next = await startNextAssessment(token, "follow-up");
    await submitAnswers(next.token, randomAnswers(dma, random));
    tokens.push(next.token);
  }
  for (let i = 0; i < 12; i++) {
    psoTokens.push(
      await submitted(psoProfiles[i % psoProfiles.length], undefined, {
        confirm: confirmWhen[i % 4],
      }),
    );
  }
  for (const token of psoTokens.slice(0, 3)) {
    const next = await startNextAssessment(token, "follow-up");
    await submitAnswers(next.token, randomAnswers(pso, random));
    psoTokens.push(next.token);
  }
}, 180_000);

afterAll(async () => {
  await app.close();
});

/**
 * Of `values` of a profile column, the one with the fewest benchmark members (a group below
 * the privacy floor, as the test asserts).
 */
async function rarest(column: "primary_sector" | "organisation_type", values: string[]) {
  const { rows } = await sql<{ value: string; n: number }>`
    select v.value, count(m.company_id)::int as n
    from unnest(${sql.val(values)}::text[]) as v(value)
    left join companies c on ${sql.ref(`c.${column}`)} = v.value
      and c.consent_benchmark_at is not null and c.peer_confirmed_at is not null
    left join peer_members m on m.company_id = c.id
    group by v.value order by n, v.value limit 1
  `.execute(database().db);
  expect(rows[0].n).toBeLessThan(PRIVACY_FLOOR);
  return rows[0].value;
}

/** percentile_cont over sorted values. */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo === h ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

describe("peer statistics", () => {
  test("the histograms kept at submission equal a rebuild from the submitted assessments", async () => {
    const kept = await benchmarkTables();
    await rebuildPeerStatistics(database().db);
    expect(await benchmarkTables()).toEqual(kept);
    expect(kept[0].length).toBeGreaterThan(200);
  });

  test("withdrawing and giving back confirmations, also of one of several rows of one organisation, keeps the tables equal to a rebuild", async () => {
    // tokens[0], [5] and [17] are three rows of one organisation, all confirmed.
    const steps = [
      [tokens[0], false],
      [tokens[5], false],
      [psoTokens[0], false],
      [tokens[17], false],
      [tokens[0], true],
      [tokens[5], true],
      [psoTokens[0], true],
      [tokens[17], true],
    ] as const;
    for (const [token, confirmed] of steps) {
      await confirm(token, confirmed);
      const kept = await benchmarkTables();
      await rebuildPeerStatistics(database().db);
      expect(await benchmarkTables()).toEqual(kept);
    }
  });

  test.each([
    // The demo's company groups all hold 20 or more; some of its PSO groups fewer.
    ["companies", "dma-sme", () => tokens, 60, 0],
    ["public sector organisations", "dma-pso", () => psoTokens, 40, 1],
  ])(
    "for %s, every median, quartile and percentile is within 0.5 points of the exact value (a group under 20 within half a step, without a percentile), and no group under the floor is shown",
    async (_, definitionId, viewers, minimumGroups, minimumCoarse) => {
      // Brute force: of every organisation (organisation number) the latest submitted
      // assessment of the questionnaire by a confirmed, consenting company row, from the rows.
      const { rows } = await sql<{
        assessment_id: string;
        company_id: string;
        org: string;
        dimension: string;
        score: number;
        overall: number;
        sector: string | null;
        organisation_type: string | null;
        area: string | null;
        size_class: string;
        region: string;
        eligible: boolean;
        confirmed: boolean;
        submitted_at: Date;
      }>`
      select s.assessment_id, a.company_id, coalesce(c.org_number, c.id::text) as org,
        s.dimension, s.score, a.overall_score as overall,
        c.primary_sector as sector, c.organisation_type, c.primary_area as area,
        c.size_class, c.region,
        c.consent_benchmark_at is not null and c.peer_confirmed_at is not null as eligible,
        c.peer_confirmed_at is not null as confirmed, a.submitted_at
      from assessment_scores s
      join assessments a on a.id = s.assessment_id
      join companies c on c.id = a.company_id
      where a.definition_id = ${definitionId}
    `.execute(database().db);
      const byAssessment = new Map<string, (typeof rows)[number][]>();
      for (const row of rows) {
        byAssessment.set(row.assessment_id, [...(byAssessment.get(row.assessment_id) ?? []), row]);
      }
      const latest = new Map<string, (typeof rows)[number][]>();
      for (const assessment of byAssessment.values()) {
        const [first] = assessment;
        if (!first.eligible) continue;
        const known = latest.get(first.org)?.[0];
        const later =
          !known ||
          first.submitted_at.getTime() > known.submitted_at.getTime() ||
          (first.submitted_at.getTime() === known.submitted_at.getTime() &&
            first.assessment_id > known.assessment_id);
        if (later) latest.set(first.org, assessment);
      }
      const members = [...latest.values()];
      // From the companies table, not the stored score rows the engine reads.
      const groupValue = (row: (typeof rows)[number], kind: PeerGroupKind) =>
        ({
          sector: row.sector,
          organisation_type: row.organisation_type,
          government_area: row.area,
          size_class: row.size_class,
          region: row.region,
          all: "",
        })[kind];

      let checkedGroups = 0;
      let coarseGroups = 0;

      for (const token of viewers()) {
        const result = await results(token);
        expect(result.peers.groups.map((g) => g.kind)).toEqual(
          PEER_GROUPS[definitionId === "dma-pso" ? "pso" : "sme"],
        );
        const self = [...byAssessment.values()].find(
          (r) =>
            Math.abs(r[0].overall - result.overall) < 1e-9 &&
            r.every((d) => Math.abs(result.dimensions[d.dimension] - d.score) < 1e-9),
        );
        expect(self).toBeDefined();
        const own = self![0];
        for (const group of result.peers.groups) {
          // A confirmed organisation is not its own peer; an unconfirmed one is compared
          // with every confirmed organisation.
          const peers = members.filter(
            (m) =>
              !(own.confirmed && m[0].org === own.org) &&
              groupValue(m[0], group.kind) === groupValue(own, group.kind),
          );
          expect(group.shown, `${group.kind} with ${peers.length} others`).toBe(
            peers.length >= PRIVACY_FLOOR,
          );
          if (!group.shown) {
            expect(Object.keys(group).sort()).toEqual(["kind", "shown", "value"]);
            continue;
          }
          checkedGroups++;
          expect(group.companies).toBe(peers.length);
          const coarse = peers.length < COARSE_BELOW;
          expect(group.coarse).toBe(coarse);
          if (coarse) coarseGroups++;
          for (const [metric, stats] of Object.entries(group.metrics)) {
            const values = peers
              .map((m) =>
                metric === "overall" ? m[0].overall : m.find((d) => d.dimension === metric)!.score,
              )
              .sort((a, b) => a - b);
            const mine = metric === "overall" ? result.overall : result.dimensions[metric];
            const below = values.filter((v) => v < mine - 1e-9).length;
            const same = values.filter((v) => Math.abs(v - mine) <= 1e-9).length;
            const where = `${group.kind} ${metric}`;
            if (coarse) {
              // Rounded to a step: within half a step (and the histogram's 0.05) of exact.
              const slack = COARSE_STEP / 2 + 0.05 + 1e-9;
              for (const [value, p] of [
                [stats.median, 0.5],
                [stats.q1, 0.25],
                [stats.q3, 0.75],
              ] as const) {
                expect(value % COARSE_STEP, where).toBe(0);
                expect(Math.abs(value - quantile(values, p)), where).toBeLessThanOrEqual(slack);
              }
              expect(stats.percentile, where).toBeUndefined();
              expect(["above", "around", "below"], where).toContain(stats.position);
              continue;
            }
            expect(Math.abs(stats.median - quantile(values, 0.5)), where).toBeLessThanOrEqual(0.5);
            expect(Math.abs(stats.q1 - quantile(values, 0.25)), where).toBeLessThanOrEqual(0.5);
            expect(Math.abs(stats.q3 - quantile(values, 0.75)), where).toBeLessThanOrEqual(0.5);
            expect(
              Math.abs(stats.percentile! - ((below + same / 2) / values.length) * 100),
              where,
            ).toBeLessThanOrEqual(0.5);
          }
        }
        const firstShown = result.peers.groups.find((g) => g.shown);
        expect(result.peers.chosen).toBe(firstShown?.kind ?? null);
      }
      expect(checkedGroups).toBeGreaterThan(minimumGroups);
      expect(coarseGroups).toBeGreaterThanOrEqual(minimumCoarse);
      expect(PEER_GROUP_KINDS).toHaveLength(6);
    },
  );

  test("SME peers never include a PSO, and PSO peers never include a company", async () => {
    // Confirmed, consenting organisations, each organisation number once.
    const { rows } = await sql<{ customer_type: string; n: number }>`
      select c.customer_type, count(distinct c.peer_key)::int as n
      from companies c join assessments a on a.company_id = c.id
      where c.consent_benchmark_at is not null and c.peer_confirmed_at is not null
        and a.status = 'submitted' and a.definition_id in ('dma-sme', 'dma-pso')
      group by c.customer_type
    `.execute(database().db);
    const consenting = Object.fromEntries(rows.map((r) => [r.customer_type, r.n]));
    expect(consenting.sme).toBeGreaterThan(100);
    expect(consenting.pso).toBeGreaterThan(30);
    const everyone = async (token: string) => {
      const result = await results(token);
      return { result, all: result.peers.groups.find((g) => g.kind === "all") };
    };
    // A consenting company's "all companies" is every other consenting company: no PSO.
    const company = await everyone(tokens[0]);
    expect(company.result.customerType).toBe("sme");
    expect(company.result.peers.groups.map((g) => g.kind)).toEqual(PEER_GROUPS.sme);
    expect(company.all).toMatchObject({ shown: true, companies: consenting.sme - 1 });
    // A consenting PSO's "all public sector organisations": no company.
    const organisation = await everyone(psoTokens[0]);
    expect(organisation.result.customerType).toBe("pso");
    expect(organisation.result.peers.groups.map((g) => g.kind)).toEqual(PEER_GROUPS.pso);
    expect(organisation.all).toMatchObject({ shown: true, companies: consenting.pso - 1 });
    // And no histogram of either questionnaire has a group of the other type's kinds.
    const { rows: kinds } = await sql<{ definition_id: string; group_kind: string }>`
      select distinct definition_id, group_kind from peer_histograms
      where definition_id in ('dma-sme', 'dma-pso') order by 1, 2
    `.execute(database().db);
    expect(kinds.filter((k) => k.definition_id === "dma-sme").map((k) => k.group_kind)).toEqual(
      [...PEER_GROUPS.sme].sort(),
    );
    expect(kinds.filter((k) => k.definition_id === "dma-pso").map((k) => k.group_kind)).toEqual(
      [...PEER_GROUPS.pso].sort(),
    );
  });

  test("a PSO of a rare type and area is compared with a wider group of PSOs, and the page says so", async () => {
    const rare = await rarest("organisation_type", ["national", "regional", "municipal", "other"]);
    const token = await submitted({
      organisationType: rare,
      primaryArea: "defence",
      sizeClass: "large",
      region: "skane",
      consentBenchmark: true,
    });
    const result = await results(token);
    expect(result.peers.groups.slice(0, 2)).toEqual([
      { kind: "organisation_type", value: rare, shown: false },
      { kind: "government_area", value: "defence", shown: false },
    ]);
    const chosen = result.peers.groups.find((g) => g.shown);
    expect(chosen?.kind).toBe(result.peers.chosen);
    const page = await pageLoader(
      routeArgs(
        new Request(`http://localhost/a/${token}/results`, {
          headers: { "Accept-Language": "sv" },
        }),
        { token },
      ),
    );
    expect(page.peerView.summary).toMatch(
      /^Jämfört med .*offentliga organisationer.*: \d+ organisationer\.$/,
    );
    expect(page.peerView.fallback).toMatch(
      /^För få organisationer av er typ .*har gjort bedömningen ännu, så ni jämförs med /,
    );
    expect(page.peerView.dimensions.map((d) => d.name)).toContain("Interoperabilitet");
  });

  test("a company in a tiny sector is compared with a wider group, and the page says so", async () => {
    const sector = await rarest("primary_sector", [
      "aeronautics-space",
      "defence-security",
      "mining-quarrying",
      "maritime-fishery",
    ]);
    const token = await submitted({
      primarySector: sector,
      sizeClass: "small",
      region: "skane",
      consentBenchmark: true,
    });
    const result = await results(token);
    expect(result.peers.groups[0]).toEqual({ kind: "sector", value: sector, shown: false });
    expect(result.peers.chosen).toBe("size_class");

    const page = await pageLoader(
      routeArgs(
        new Request(`http://localhost/a/${token}/results`, {
          headers: { "Accept-Language": "en" },
        }),
        { token },
      ),
    );
    expect(page.peerView.summary).toMatch(
      /^Compared with small companies \(10–49 employees\): \d+ companies\.$/,
    );
    expect(page.peerView.fallback).toBe(
      "Too few companies in your sector have taken the assessment yet, so you are compared with small companies (10–49 employees).",
    );
    expect(page.peerView.dimensions).toHaveLength(dma.dimensions.length);
    expect(page.peerView.dimensions[0].sentence).toMatch(/^Higher than \d+% of small companies/);
  });
});

describe("recommendations", () => {
  test("are ranked, explained in both languages and stored at submission", async () => {
    const lowest = {
      q1: {},
      q2: [],
      q3: [],
      q4: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0, "7": 0 },
      q5: [],
      q6: [],
      q7: [2],
      q8: [],
      q9: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
      q10: [],
      q11: { "1": "no", "2": "no", "3": "no", "4": "no", "5": "no" },
    };
    const token = await submitted(profiles[0], lowest);
    const result = await results(token);
    expect(result.recommendations.length).toBeGreaterThanOrEqual(6);
    expect(result.recommendations.map((r) => r.rank)).toEqual(
      result.recommendations.map((_, i) => i + 1),
    );
    // Every dimension is weak, and each has a service in the list.
    const dimensions = new Set(result.recommendations.map((r) => r.trigger.dimension));
    for (const d of dma.dimensions) expect(dimensions).toContain(d.id);
    for (const r of result.recommendations) {
      expect(r.reason.en).toMatch(/^(Your score for|You did not select|You selected|You answered)/);
      expect(r.reason.sv).toMatch(/^(Ert resultat för|Ni valde inte|Ni valde|Ni svarade)/);
    }

    // A later catalogue edit (a new version of the service's text, or its removal) does
    // not rewrite the stored result.
    const first = result.recommendations[0];
    const catalogue = getServiceCatalogue().services;
    const edited = catalogue.map((s) =>
      s.id === first.serviceId ? { ...s, name: { sv: "Nytt namn", en: "Renamed" } } : s,
    );
    try {
      await syncServiceCatalogue(database().db, edited);
      expect((await results(token)).recommendations).toEqual(result.recommendations);
      await syncServiceCatalogue(
        database().db,
        catalogue.filter((s) => s.id !== first.serviceId),
      );
      expect((await results(token)).recommendations).toEqual(result.recommendations);
    } finally {
      // The other tests recommend from the real catalogue, whatever happened here.
      await syncServiceCatalogue(database().db, catalogue);
    }
  });

  test("a PSO is recommended public sector services only, one for each weak area, explained in both languages", async () => {
    const lowest = {
      q1: [],
      q2: {},
      q3: [],
      q4: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0, "7": 0, "8": 0 },
      q5: [],
      q6: [],
      q7: [],
      q8: [],
      q9: {},
      q10: [],
      q11: { "1": "no", "2": "no", "3": "no", "4": "no", "5": "no" },
    };
    const token = await submitted(psoProfiles[0], lowest);
    const result = await results(token);
    const psoServices = new Set(
      getServiceCatalogue()
        .services.filter((s) => s.rules.every((r) => r.definition === "dma-pso"))
        .map((s) => s.id),
    );
    expect(result.recommendations.length).toBeGreaterThanOrEqual(6);
    for (const r of result.recommendations) expect(psoServices).toContain(r.serviceId);
    const dimensions = new Set(result.recommendations.map((r) => r.trigger.dimension));
    for (const d of pso.dimensions) expect(dimensions).toContain(d.id);
    for (const r of result.recommendations) {
      expect(r.reason.en).toMatch(
        /^(Your score for|You did not select|You selected|You answered|You did not tick|You ticked)/,
      );
      expect(r.reason.sv).toMatch(
        /^(Ert resultat för|Ni valde inte|Ni valde|Ni svarade|Ni kryssade inte i|Ni kryssade i)/,
      );
    }

    // A company is never recommended a public sector service.
    const companyToken = await submitted(profiles[0]);
    for (const r of (await results(companyToken)).recommendations) {
      expect(psoServices).not.toContain(r.serviceId);
    }
  });

  test("an advanced PSO that has not opened its data is recommended the open data service, for that reason", async () => {
    const all = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const rows = (n: number, value: unknown) =>
      Object.fromEntries(all(n).map((i) => [String(i), value]));
    const highest = {
      q1: all(10),
      q2: rows(8, { invested: true, planned: true }),
      q3: all(9),
      q4: rows(8, 5),
      q5: all(7),
      q6: all(10),
      q7: all(9),
      q8: all(6),
      // Every principle implemented, but data is not yet published as open data.
      q9: { ...rows(16, { implemented: true, planned: true }), "1": { planned: true } },
      q10: all(9),
      q11: rows(5, "yes"),
    };
    const token = await submitted(psoProfiles[1], highest);
    const result = await results(token);
    expect(result.recommendations.map((r) => [r.serviceId, r.reason.en])).toEqual([
      [
        "open-data-publishing",
        "You did not tick “Implemented” for “Publish data as open data” in the question “While digitalising processes and services, what does your organisation do to share data, information and knowledge with other public sector organisations?” (Interoperability).",
      ],
    ]);
  });

  test("the smart industry module gets its own recommendations and its own peers", async () => {
    const smart = loadDefinition("smart-industry", "1.0.0");
    const smartModule = await startNextAssessment(tokens[0], "smart-industry");
    await submitAnswers(smartModule.token, randomAnswers(smart, random));
    const result = await results(smartModule.token);
    const dimensions = new Set(smart.dimensions.map((d) => d.id));
    expect(result.recommendations.length).toBeGreaterThan(0);
    for (const r of result.recommendations) {
      expect(dimensions.has(String(r.trigger.dimension))).toBe(true);
    }
    // The first company to take the module has no peers in it yet.
    expect(result.peers.chosen).toBeNull();
  });

  test("the results page shows them in the respondent's language, by category", async () => {
    const token = tokens[0];
    const page = await pageLoader(
      routeArgs(
        new Request(`http://localhost/a/${token}/results`, {
          headers: { "Accept-Language": "sv" },
        }),
        { token },
      ),
    );
    expect(page.recommendations.length).toBeGreaterThan(0);
    expect(page.recommendations[0].reason).toMatch(
      /^(Ert resultat för|Ni valde inte|Ni valde|Ni svarade)/,
    );
    expect(page.hub.email).toMatch(/@/);
    expect(page.peerView.shown).toBe(true);
    // The charts get every dimension, in Swedish, with the chosen group's peers.
    expect(page.chartInput.labels.company).toBe("Ert företag");
    expect(page.chartInput.dimensions.map((d) => d.id)).toEqual(dma.dimensions.map((d) => d.id));
    expect(page.chartInput.dimensions.every((d) => d.peer !== undefined)).toBe(true);
  });
});
