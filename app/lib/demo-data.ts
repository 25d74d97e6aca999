import type { DemoData } from "../../db/seed";
import { SECTORS, type RegionId, type SectorId, type SizeClassId } from "./catalog";
import { luhnCheckDigit } from "./org-number";
import { createRandom } from "./random";

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

/** A fictional but valid-looking organisation number (AB series 55xxxx-xxxx, Luhn-correct). */
function fictionalOrgNumber(random: () => number): string {
  const body = `55${String(Math.floor(random() * 1e7)).padStart(7, "0")}`;
  return `${body}${luhnCheckDigit(body)}`;
}

function ascii(value: string): string {
  return value.normalize("NFD").replace(/[^\w]/g, "").toLowerCase();
}

/**
 * Draws the demo data set: realistic, fictional companies spread over the hub's counties
 * and a few others, the EU size classes and the DMA sectors. Deterministic for a seed.
 */
export function generateDemoData(options: { companies?: number; seed?: number } = {}): DemoData {
  const random = createRandom(options.seed ?? 20261122);
  const count = options.companies ?? 300;
  const usedNames = new Set<string>();
  const companies: DemoData["companies"] = [];
  const now = Date.UTC(2026, 10, 1);

  while (companies.length < count) {
    const region = pickWeighted(random, REGION_WEIGHTS);
    const sector = pickWeighted(random, SECTOR_WEIGHTS);
    const place = pick(random, PLACES[region]);
    const trade = pick(random, TRADES[sector] ?? GENERIC_TRADES);
    const name = `${place} ${trade} ${pick(random, FORMS)}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const createdAt = new Date(now - Math.floor(random() * 540) * 86_400_000);
    const consented = random() < 0.85;
    companies.push({
      name,
      org_number: fictionalOrgNumber(random),
      country: "SE",
      size_class: pickWeighted(random, SIZE_WEIGHTS),
      primary_sector: sector,
      secondary_sector: random() < 0.2 ? pick(random, SECTORS) : null,
      region,
      contact_name: `${first} ${last}`,
      contact_role: pick(random, ROLES),
      contact_email: `${ascii(first)}.${ascii(last)}@example.se`,
      consent_advisers_at: random() < 0.7 ? createdAt : null,
      consent_benchmark_at: consented ? createdAt : null,
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
  return { companies };
}
