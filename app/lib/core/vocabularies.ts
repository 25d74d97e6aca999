/**
 * The company profile's fixed vocabularies (ids only; labels live in the locale files
 * under `sizeClass.*`, `sector.*` and `region.*`). Sectors follow the EU DMA
 * questionnaire's list; regions are the Swedish counties (län), the hub's own first.
 */
export const SIZE_CLASSES = ["micro", "small", "medium", "large"] as const;
export type SizeClassId = (typeof SIZE_CLASSES)[number];

export const SECTORS = [
  "aeronautics-space",
  "agriculture-food",
  "community-services",
  "construction",
  "consumer-goods",
  "culture-creative",
  "defence-security",
  "education",
  "energy-utilities",
  "environment",
  "financial-services",
  "life-sciences-healthcare",
  "manufacturing",
  "maritime-fishery",
  "mining-quarrying",
  "mobility",
  "public-administration",
  "real-estate-business",
  "professional-scientific",
  "ict",
  "tourism-hospitality",
  "wholesale-retail",
  "other",
] as const;
export type SectorId = (typeof SECTORS)[number];

/** The hub's own counties come first in every list. */
export const HUB_REGIONS = ["skane", "blekinge", "kronoberg"] as const;

export const REGIONS = [
  ...HUB_REGIONS,
  "stockholm",
  "uppsala",
  "sodermanland",
  "ostergotland",
  "jonkoping",
  "kalmar",
  "gotland",
  "halland",
  "vastra-gotaland",
  "varmland",
  "orebro",
  "vastmanland",
  "dalarna",
  "gavleborg",
  "vasternorrland",
  "jamtland",
  "vasterbotten",
  "norrbotten",
  "outside-sweden",
] as const;
export type RegionId = (typeof REGIONS)[number];

export const LANGUAGES = ["sv", "en"] as const;
export type LanguageId = (typeof LANGUAGES)[number];

/** Sectors offered the smart industry module (manufacturing and industrial firms). */
export const INDUSTRIAL_SECTORS: readonly SectorId[] = [
  "manufacturing",
  "aeronautics-space",
  "mining-quarrying",
  "energy-utilities",
  "mobility",
  "defence-security",
  "maritime-fishery",
  "construction",
];

/**
 * Who answers: a company (the EU DMA for SMEs) or a public sector organisation (the EU DMA
 * for PSOs). Each customer type has its own profile, questionnaire and peer population.
 */
export const CUSTOMER_TYPES = ["sme", "pso"] as const;
export type CustomerTypeId = (typeof CUSTOMER_TYPES)[number];

/** Type of public sector organisation (module 1 of the PSO form): kommun is `municipal`. */
export const ORGANISATION_TYPES = ["national", "regional", "municipal", "other"] as const;
export type OrganisationTypeId = (typeof ORGANISATION_TYPES)[number];

/**
 * Government areas (the ten top-level functions of COFOG, plus Other), a PSO's sector of
 * activity: a primary area and an optional secondary one.
 */
export const GOVERNMENT_AREAS = [
  "general-public-services",
  "defence",
  "public-order-safety",
  "economic-affairs",
  "environmental-protection",
  "housing-community",
  "health",
  "recreation-culture-religion",
  "education",
  "social-protection",
  "other",
] as const;
export type GovernmentAreaId = (typeof GOVERNMENT_AREAS)[number];

/** Staff size of a PSO: Small 0–49, Medium 50–249, Large 250+ (no micro class). */
export const PSO_SIZE_CLASSES = [
  "small",
  "medium",
  "large",
] as const satisfies readonly SizeClassId[];
