import type { DemoData } from "../../../db/seed";
import type { Answers } from "../core/answers";
import {
  SECTORS,
  type GovernmentAreaId,
  type OrganisationTypeId,
  type RegionId,
  type SectorId,
  type SizeClassId,
} from "../core/vocabularies";
import { majorOf, questionIndex, type SurveyDefinition } from "../core/definitions";
import { luhnCheckDigit } from "../core/org-number";
import { createRandom } from "../core/random";
import { scoreAnswers } from "../core/scoring";

function pickWeighted<T>(random: () => number, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return table[table.length - 1][0];
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

// Mostly the hub's three counties, with a few companies from elsewhere.
const REGION_WEIGHTS: ReadonlyArray<readonly [RegionId, number]> = [
  ["skane", 45],
  ["blekinge", 18],
  ["kronoberg", 18],
  ["halland", 5],
  ["kalmar", 5],
  ["vastra-gotaland", 4],
  ["jonkoping", 3],
  ["stockholm", 2],
];

// SMEs are mostly micro and small; a few large firms take part too.
const SIZE_WEIGHTS: ReadonlyArray<readonly [SizeClassId, number]> = [
  ["micro", 40],
  ["small", 35],
  ["medium", 20],
  ["large", 5],
];

// The hub's profile: smart industry, smart cities and sustainability.
const SECTOR_WEIGHTS: ReadonlyArray<readonly [SectorId, number]> = SECTORS.map((s) => [
  s,
  s === "manufacturing"
    ? 20
    : s === "ict" || s === "wholesale-retail" || s === "construction"
      ? 8
      : s === "agriculture-food" || s === "energy-utilities" || s === "professional-scientific"
        ? 5
        : s === "defence-security" || s === "aeronautics-space"
          ? 1
          : 2,
]);

const PLACES: Record<string, readonly string[]> = {
  skane: ["Malmö", "Lund", "Helsingborg", "Kristianstad", "Ystad", "Hässleholm", "Landskrona"],
  blekinge: ["Karlskrona", "Karlshamn", "Ronneby", "Sölvesborg", "Olofström"],
  kronoberg: ["Växjö", "Ljungby", "Älmhult", "Alvesta", "Markaryd", "Tingsryd"],
  halland: ["Halmstad", "Laholm"],
  kalmar: ["Kalmar", "Nybro"],
  "vastra-gotaland": ["Borås", "Trollhättan"],
  jonkoping: ["Värnamo", "Gislaved"],
  stockholm: ["Solna", "Södertälje"],
};

const TRADES: Record<string, readonly string[]> = {
  manufacturing: ["Mekaniska", "Plåt & Svets", "Precision", "Gjuteri", "Verktyg", "Komposit"],
  ict: ["Data", "IT-konsult", "Systemutveckling", "Nätverk"],
  "wholesale-retail": ["Handel", "Grossist", "Järn & Bygg", "Livs"],
  construction: ["Bygg", "El & Energi", "VVS", "Mark & Anläggning"],
  "agriculture-food": ["Gård", "Bageri", "Mejeri", "Trädgård"],
  "energy-utilities": ["Energi", "Solkraft", "Värme"],
};
const GENERIC_TRADES = ["Konsult", "Service", "Teknik", "Design", "Logistik", "Partner"];
const FORMS = ["AB", "AB", "AB", "HB", "& Söner AB", "i Sverige AB"];

const FIRST = [
  "Anna",
  "Erik",
  "Karin",
  "Lars",
  "Maria",
  "Johan",
  "Eva",
  "Per",
  "Sara",
  "Ali",
  "Fatima",
  "Nils",
  "Lena",
  "Mikael",
  "Amir",
  "Ingrid",
];
const LAST = [
  "Andersson",
  "Johansson",
  "Nilsson",
  "Persson",
  "Lindqvist",
  "Holm",
  "Berg",
  "Hassan",
  "Ekström",
  "Larsson",
  "Svensson",
  "Öberg",
];
const ROLES = ["VD", "Ägare", "IT-ansvarig", "Produktionschef", "Ekonomichef", "Verksamhetschef"];

/**
 * A fictional but valid-looking organisation number (Luhn-correct) of a series: 55 for
 * limited companies, 21 for municipalities and regions, 20 for state agencies, 22 for
 * municipal associations.
 */
function fictionalOrgNumber(random: () => number, series = "55"): string {
  const body = `${series}${String(Math.floor(random() * 1e7)).padStart(7, "0")}`;
  return `${body}${luhnCheckDigit(body)}`;
}

function ascii(value: string): string {
  return value.normalize("NFD").replace(/[^\w]/g, "").toLowerCase();
}

/** The published definition version the demo assessments answer. */
export interface DemoDefinition {
  id: string;
  version: string;
  hash: string;
  definition: SurveyDefinition;
}

// How maturity varies: ICT and finance ahead, farming, building and hospitality behind;
// larger firms ahead of micro firms; automation and green behind readiness.
const SECTOR_MATURITY: Partial<Record<SectorId, number>> = {
  ict: 0.22,
  "financial-services": 0.14,
  "professional-scientific": 0.1,
  "life-sciences-healthcare": 0.08,
  manufacturing: 0.05,
  "energy-utilities": 0.04,
  "agriculture-food": -0.08,
  construction: -0.07,
  "tourism-hospitality": -0.06,
  "community-services": -0.05,
};
const SIZE_MATURITY: Record<SizeClassId, number> = {
  micro: -0.07,
  small: 0,
  medium: 0.07,
  large: 0.14,
};
const DIMENSION_MATURITY: Record<string, number> = {
  strategy: 0,
  readiness: 0.1,
  human: -0.02,
  data: 0,
  automation: -0.12,
  green: -0.06,
};

const DAY = 86_400_000;
const clamp = (x: number) => Math.min(0.97, Math.max(0.02, x));

/** A v4-shaped UUID drawn from the PRNG, so rows can reference each other before insert. */
function randomUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function randomHex(random: () => number, length: number): string {
  return Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join("");
}

/**
 * Answers drawn from a maturity (0–1) per dimension: each item is ticked, each level
 * reached, with that probability, so the real engine's scores follow the maturity.
 */
export function drawAnswers(
  definition: SurveyDefinition,
  maturity: (dimension: string) => number,
  random: () => number,
): Answers {
  const answers: Answers = {};
  for (const spec of questionIndex(definition).scored) {
    const p = maturity(definition.dimensions[spec.dimension].id);
    switch (spec.kind) {
      case "share-selected": {
        if (spec.exclusive.size > 0 && random() < (1 - p) ** 6) {
          answers[spec.name] = [[...spec.exclusive][0]];
          break;
        }
        const items: number[] = [];
        for (let item = 1; item <= spec.items; item++) {
          if (!spec.exclusive.has(item) && random() < p) items.push(item);
        }
        answers[spec.name] = items;
        break;
      }
      case "boolean-grid": {
        const grid: Record<string, Record<string, boolean>> = {};
        for (const row of spec.rows) {
          const cells: Record<string, boolean> = {};
          for (const column of spec.columns.keys()) cells[column] = random() < p;
          grid[row] = cells;
        }
        answers[spec.name] = grid;
        break;
      }
      case "rating-grid": {
        const grid: Record<string, number> = {};
        const span = spec.max - spec.min;
        for (const row of spec.rows) {
          const level = Math.round(p * span + (random() - 0.5) * 2.4);
          grid[row] = spec.min + Math.min(span, Math.max(0, level));
        }
        answers[spec.name] = grid;
        break;
      }
      case "value-grid": {
        const keys = [...spec.values.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
        const grid: Record<string, string> = {};
        for (const row of spec.rows) {
          const index = Math.round(p * (keys.length - 1) + (random() - 0.5) * 1.2);
          grid[row] = keys[Math.min(keys.length - 1, Math.max(0, index))];
        }
        answers[spec.name] = grid;
        break;
      }
    }
  }
  return answers;
}

/**
 * Draws the demo data set: realistic, fictional companies spread over the hub's counties
 * and a few others, the EU size classes and the DMA sectors; with `dma`, each company has
 * a submitted T0 assessment scored by the real engine, about a quarter a later T1 that
 * improved, and about half of those whose T1 is old enough a T2 that improved again. With
 * `pso`, also fictional public sector organisations of the hub's three counties
 * (`generatePsoDemoData`). Deterministic for a seed.
 */
export function generateDemoData(
  options: {
    companies?: number;
    seed?: number;
    dma?: DemoDefinition;
    pso?: DemoDefinition;
    organisations?: number;
  } = {},
): DemoData {
  const random = createRandom(options.seed ?? 20261122);
  const count = options.companies ?? 300;
  const usedNames = new Set<string>();
  const data: DemoData = { companies: [], assessments: [], scores: [] };
  const now = Date.UTC(2026, 10, 1);
  const followedUp: FollowedUp[] = [];

  while (data.companies.length < count) {
    const region = pickWeighted(random, REGION_WEIGHTS);
    const sector = pickWeighted(random, SECTOR_WEIGHTS);
    const place = pick(random, PLACES[region]);
    const trade = pick(random, TRADES[sector] ?? GENERIC_TRADES);
    const name = `${place} ${trade} ${pick(random, FORMS)}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const createdAt = new Date(now - (60 + Math.floor(random() * 480)) * DAY);
    const consented = random() < 0.85;
    const sizeClass = pickWeighted(random, SIZE_WEIGHTS);
    const company = {
      id: randomUuid(random),
      name,
      customer_type: "sme" as const,
      org_number: fictionalOrgNumber(random),
      country: "SE",
      size_class: sizeClass,
      primary_sector: sector,
      secondary_sector: random() < 0.2 ? pick(random, SECTORS) : null,
      organisation_type: null,
      primary_area: null,
      secondary_area: null,
      region,
      contact_name: `${first} ${last}`,
      contact_role: pick(random, ROLES),
      contact_email: `${ascii(first)}.${ascii(last)}@example.se`,
      consent_advisers_at: random() < 0.7 ? createdAt : null,
      consent_benchmark_at: consented ? createdAt : null,
      // Demo organisations are the hub's customers: confirmed, so they count as peers.
      peer_confirmed_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
    };
    data.companies.push(company);
    if (!options.dma) continue;

    // A right-skewed company maturity: most firms basic or average, few advanced.
    const base =
      0.12 +
      random() * 0.22 +
      random() * random() * 0.35 +
      (SECTOR_MATURITY[sector] ?? 0) +
      SIZE_MATURITY[sizeClass];
    const offsets = new Map(
      options.dma.definition.dimensions.map((d) => [
        d.id,
        (DIMENSION_MATURITY[d.id] ?? 0) + (random() - 0.5) * 0.2,
      ]),
    );
    const t0At = new Date(createdAt.getTime() + Math.floor(random() * 3) * DAY);
    const t0Score = addSubmitted(
      data,
      options.dma,
      company,
      "T0",
      t0At,
      (d) => clamp(base + (offsets.get(d) ?? 0)),
      random,
    );
    if (random() < 0.25) {
      const t1At = new Date(t0At.getTime() + (60 + Math.floor(random() * 150)) * DAY);
      if (t1At.getTime() <= now) {
        const gain = 0.08 + random() * 0.12;
        const gains = new Map([...offsets.keys()].map((d) => [d, gain + random() * 0.08]));
        const t1Maturity = (d: string) => clamp(base + (offsets.get(d) ?? 0) + (gains.get(d) ?? 0));
        const t1Score = addSubmitted(
          data,
          options.dma,
          company,
          "T1",
          t1At,
          t1Maturity,
          random,
          t0Score,
        );
        followedUp.push({ company, at: t1At, score: t1Score, maturity: t1Maturity });
      }
    }
  }
  addSecondFollowUps(data, options.dma, followedUp, now, (options.seed ?? 20261122) + 2);
  if (options.pso) {
    const psos = generatePsoDemoData({
      organisations: options.organisations,
      seed: (options.seed ?? 20261122) + 1,
      pso: options.pso,
    });
    data.companies.push(...psos.companies);
    data.assessments.push(...psos.assessments);
    data.scores.push(...psos.scores);
  }
  return data;
}

/** A company's submitted T1: when, its overall score and the maturity it was drawn from. */
interface FollowedUp {
  company: DemoData["companies"][number];
  at: Date;
  score: number;
  maturity: (dimension: string) => number;
}

/**
 * The second follow-up: about half of the companies with a T1 came back for a T2 three to
 * eight months after it (when that is already past), improved a little further; the others
 * are "T2 due". Drawn from a PRNG of its own, after every company, so that adding T2 changed
 * none of the companies, T0s and T1s drawn before it.
 */
function addSecondFollowUps(
  data: DemoData,
  definition: DemoDefinition | undefined,
  followedUp: readonly FollowedUp[],
  now: number,
  seed: number,
): void {
  if (!definition) return;
  const random = createRandom(seed);
  for (const t1 of followedUp) {
    const t2At = new Date(t1.at.getTime() + (90 + Math.floor(random() * 150)) * DAY);
    if (t2At.getTime() > now || random() >= 0.55) continue;
    const gain = 0.04 + random() * 0.08;
    const gains = new Map(
      definition.definition.dimensions.map((d) => [d.id, gain + random() * 0.04]),
    );
    addSubmitted(
      data,
      definition,
      t1.company,
      "T2",
      t2At,
      (d) => clamp(t1.maturity(d) + (gains.get(d) ?? 0)),
      random,
      t1.score,
    );
  }
}

/** Fictional places of the hub's three counties (no real municipality has these names). */
const PSO_PLACES: ReadonlyArray<readonly [RegionId, readonly string[]]> = [
  ["skane", ["Ekeslöv", "Backarp", "Hasselstad", "Norrvång", "Stenåsa", "Ljungbacka", "Vallerup"]],
  ["blekinge", ["Ekenäsby", "Skärholma", "Bokemåla", "Tallhamn", "Ronnebacka"]],
  ["kronoberg", ["Granryd", "Sjöaryd", "Lindhult", "Mossby", "Björkeberga", "Vedåsa"]],
];

/** "Hasselstad" → "Hasselstads"; a name ending in a vowel or s takes no s ("Skärholma kommun"). */
function genitive(place: string): string {
  return /[aeiouyåäös]$/i.test(place) ? place : `${place}s`;
}

interface PsoTemplate {
  name: string;
  type: OrganisationTypeId;
  region: RegionId;
  areas: readonly [GovernmentAreaId, GovernmentAreaId?];
  series: string;
  sizes: ReadonlyArray<readonly [SizeClassId, number]>;
}

/** The fictional organisations, in the order they are drawn: municipalities first. */
function psoTemplates(): PsoTemplate[] {
  const places = PSO_PLACES.flatMap(([region, names]) => names.map((name) => ({ region, name })));
  const at = (name: string) => places.find((p) => p.name === name)?.region ?? "skane";
  const municipal = places.map(({ region, name }, i): PsoTemplate => ({
    name: `${genitive(name)} kommun`,
    type: "municipal",
    region,
    areas: ["general-public-services", i % 3 === 0 ? "education" : "social-protection"],
    series: "21",
    sizes: [
      ["large", 70],
      ["medium", 25],
      ["small", 5],
    ],
  }));
  const other = (
    name: string,
    place: string,
    areas: PsoTemplate["areas"],
    series = "22",
  ): PsoTemplate => ({
    name,
    type: "other",
    region: at(place),
    areas,
    series,
    sizes: [
      ["small", 50],
      ["medium", 40],
      ["large", 10],
    ],
  });
  const regional = (name: string, place: string, areas: PsoTemplate["areas"]): PsoTemplate => ({
    name,
    type: "regional",
    region: at(place),
    areas,
    series: "23",
    sizes: [
      ["large", 60],
      ["medium", 35],
      ["small", 5],
    ],
  });
  const national = (name: string, place: string, areas: PsoTemplate["areas"]): PsoTemplate => ({
    name,
    type: "national",
    region: at(place),
    areas,
    series: "20",
    sizes: [
      ["medium", 45],
      ["large", 35],
      ["small", 20],
    ],
  });
  return [
    ...municipal,
    other("Räddningstjänsten Sydvång", "Norrvång", ["public-order-safety"]),
    other(
      "Ekeslöv Vatten och Avfall AB",
      "Ekeslöv",
      ["environmental-protection", "housing-community"],
      "55",
    ),
    other("Bokemåla Bostäder AB", "Bokemåla", ["housing-community"], "55"),
    other("Kommunalförbundet Skogsbygden", "Granryd", ["education"]),
    other("Tallhamns Hamn AB", "Tallhamn", ["economic-affairs"], "55"),
    other("Vedåsa Energi och Miljö", "Vedåsa", ["environmental-protection"]),
    other("Samordningsförbundet Mittskåne", "Backarp", ["social-protection", "health"]),
    other("Lindhults Fritid och Kultur", "Lindhult", ["recreation-culture-religion"]),
    regional("Kollektivtrafiken Sydost", "Ekenäsby", ["economic-affairs"]),
    regional("Regionala vårdförbundet Sydvästra", "Vallerup", ["health"]),
    regional("Regionmuseet i Sjöaryd", "Sjöaryd", ["recreation-culture-religion", "education"]),
    regional("Folkhögskolan Stenåsa", "Stenåsa", ["education"]),
    other("Stenåsa Vatten AB", "Stenåsa", ["environmental-protection"], "55"),
    national("Myndigheten för kustnära miljödata", "Skärholma", ["environmental-protection"]),
    national("Statens institut för skogsbruksdata", "Mossby", [
      "economic-affairs",
      "environmental-protection",
    ]),
    national("Verket för vårdinformation", "Hasselstad", ["health"]),
    national("Nämnden för utbildningsstatistik", "Lindhult", ["education"]),
    national("Centrum för civilt krisstöd", "Ronnebacka", ["public-order-safety", "defence"]),
    national("Arkivverket Syd", "Björkeberga", ["recreation-culture-religion"]),
    national("Byrån för bostadsbidrag", "Ljungbacka", ["social-protection", "housing-community"]),
  ];
}

const PSO_ROLES = [
  "Digitaliseringschef",
  "IT-chef",
  "Kommundirektör",
  "Verksamhetsutvecklare",
  "Informationssäkerhetssamordnare",
  "Förvaltningschef",
];

// Public sector digitalisation: readiness ahead, interoperability and green behind;
// larger organisations and state agencies ahead of small associations.
const PSO_DIMENSION_MATURITY: Record<string, number> = {
  strategy: 0.02,
  readiness: 0.12,
  human: 0,
  data: 0,
  interoperability: -0.1,
  green: -0.05,
};
const PSO_TYPE_MATURITY: Record<OrganisationTypeId, number> = {
  national: 0.08,
  regional: 0.05,
  municipal: 0.02,
  other: -0.04,
};

/**
 * Fictional Swedish public sector organisations of the hub's three counties (kommuner, a
 * few regional bodies and state agencies, municipal companies and associations), each with
 * a submitted T0 of `pso` scored by the real engine and about a third with an improved T1.
 */
export function generatePsoDemoData(options: {
  organisations?: number;
  seed?: number;
  pso: DemoDefinition;
}): DemoData {
  const random = createRandom(options.seed ?? 20261123);
  const data: DemoData = { companies: [], assessments: [], scores: [] };
  const now = Date.UTC(2026, 10, 1);
  const templates = psoTemplates();
  const count = Math.min(options.organisations ?? templates.length, templates.length);
  for (const template of templates.slice(0, count)) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    // The hub has worked with the public sector longer: most have had time for a follow-up.
    const createdAt = new Date(now - (150 + Math.floor(random() * 400)) * DAY);
    const sizeClass = pickWeighted(random, template.sizes);
    const organisation = {
      id: randomUuid(random),
      name: template.name,
      customer_type: "pso" as const,
      org_number: fictionalOrgNumber(random, template.series),
      country: "SE",
      size_class: sizeClass,
      primary_sector: null,
      secondary_sector: null,
      organisation_type: template.type,
      primary_area: template.areas[0],
      secondary_area: template.areas[1] ?? null,
      region: template.region,
      contact_name: `${first} ${last}`,
      contact_role: pick(random, PSO_ROLES),
      contact_email: `${ascii(first)}.${ascii(last)}@example.se`,
      consent_advisers_at: random() < 0.8 ? createdAt : null,
      consent_benchmark_at: random() < 0.9 ? createdAt : null,
      peer_confirmed_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
    };
    data.companies.push(organisation);
    const base =
      0.2 +
      random() * 0.2 +
      random() * random() * 0.3 +
      PSO_TYPE_MATURITY[template.type] +
      SIZE_MATURITY[sizeClass];
    const offsets = new Map(
      options.pso.definition.dimensions.map((d) => [
        d.id,
        (PSO_DIMENSION_MATURITY[d.id] ?? 0) + (random() - 0.5) * 0.2,
      ]),
    );
    const t0At = new Date(createdAt.getTime() + Math.floor(random() * 5) * DAY);
    const t0Score = addSubmitted(
      data,
      options.pso,
      organisation,
      "T0",
      t0At,
      (d) => clamp(base + (offsets.get(d) ?? 0)),
      random,
    );
    if (random() < 0.35) {
      const t1At = new Date(t0At.getTime() + (60 + Math.floor(random() * 150)) * DAY);
      if (t1At.getTime() <= now) {
        const gain = 0.06 + random() * 0.12;
        addSubmitted(
          data,
          options.pso,
          organisation,
          "T1",
          t1At,
          (d) => clamp(base + (offsets.get(d) ?? 0) + gain + random() * 0.06),
          random,
          t0Score,
        );
      }
    }
  }
  return data;
}

function addSubmitted(
  data: DemoData,
  dma: DemoDefinition,
  company: DemoData["companies"][number],
  stage: "T0" | "T1" | "T2",
  at: Date,
  maturity: (dimension: string) => number,
  random: () => number,
  mustExceed = -1,
): number {
  // A follow-up of a company the hub helped improved: draw until it did (a few tries).
  let answers = drawAnswers(dma.definition, maturity, random);
  let scored = scoreAnswers(dma.definition, answers);
  for (let tries = 0; scored.ok && scored.value.overall <= mustExceed && tries < 20; tries++) {
    answers = drawAnswers(dma.definition, maturity, random);
    scored = scoreAnswers(dma.definition, answers);
  }
  if (!scored.ok) throw new Error(`demo answers must score: ${scored.problems[0]?.message}`);
  const id = randomUuid(random);
  const month = `${at.toISOString().slice(0, 7)}-01`;
  data.assessments.push({
    id,
    company_id: company.id,
    definition_id: dma.id,
    definition_version: dma.version,
    definition_major: majorOf(dma.version),
    definition_hash: dma.hash,
    stage,
    status: "submitted",
    answers: JSON.stringify(answers),
    current_page: Math.max(
      0,
      ((dma.definition.survey as { pages?: unknown[] }).pages?.length ?? 1) - 1,
    ),
    resume_token_hash: randomHex(random, 64),
    language: random() < 0.8 ? "sv" : "en",
    overall_score: scored.value.overall,
    band: scored.value.band,
    created_at: at,
    updated_at: at,
    submitted_at: at,
  });
  for (const [dimension, score] of Object.entries(scored.value.dimensions)) {
    data.scores.push({
      assessment_id: id,
      dimension,
      score,
      definition_id: dma.id,
      definition_major: majorOf(dma.version),
      customer_type: company.customer_type,
      primary_sector: company.primary_sector,
      organisation_type: company.organisation_type,
      primary_area: company.primary_area,
      size_class: company.size_class,
      region: company.region,
      submitted_month: month,
    });
  }
  return scored.value.overall;
}
