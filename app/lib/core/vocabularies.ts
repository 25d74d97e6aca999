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
