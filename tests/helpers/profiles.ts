/** A public sector organisation's profile as the API takes it: a kommun in Kronoberg. */
export const psoProfile = {
  customerType: "pso",
  organisationName: "Granryds kommun",
  // A municipality's number: the 21 series, with a valid Luhn digit.
  orgNumber: "212000-0597",
  organisationType: "municipal",
  sizeClass: "large",
  primaryArea: "general-public-services",
  secondaryArea: "education",
  region: "kronoberg",
  contactName: "Lena Berg",
  contactRole: "Digitaliseringschef",
  contactEmail: "lena@example.se",
  consentAdvisers: true,
  consentBenchmark: true,
};

/** A company's profile as the form and the API take it: a small manufacturer in Blekinge. */
export const smeProfile = {
  companyName: "Ronneby Plåt & Svets AB",
  orgNumber: "556036-0793",
  sizeClass: "small",
  primarySector: "manufacturing",
  region: "blekinge",
  contactName: "Karin Holm",
  contactEmail: "karin@example.se",
};
