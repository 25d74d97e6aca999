import { describe, expect, test } from "vitest";
import { parseProfile, profileFieldsOf } from "../../app/lib/core/profile";
import { psoProfile } from "../helpers/profiles";

const contact = {
  region: "kronoberg",
  contactName: "Lena Berg",
  contactEmail: "lena@example.se",
};
const sme = {
  companyName: "Älmhult Design AB",
  orgNumber: "556036-0793",
  sizeClass: "micro",
  primarySector: "culture-creative",
  ...contact,
};
const pso = psoProfile;

describe("a company's profile", () => {
  test("without a customer type is a company's, as before public sector organisations", () => {
    expect(parseProfile(sme)).toEqual({
      ok: true,
      profile: {
        customerType: "sme",
        companyName: "Älmhult Design AB",
        orgNumber: "5560360793",
        sizeClass: "micro",
        primarySector: "culture-creative",
        region: "kronoberg",
        contactName: "Lena Berg",
        contactEmail: "lena@example.se",
        consentAdvisers: false,
        consentBenchmark: false,
      },
    });
    expect(parseProfile({ ...sme, customerType: "sme" }).ok).toBe(true);
  });

  test.each([
    [
      "a type of organisation",
      { organisationType: "municipal" },
      { organisationType: "notForSme" },
    ],
    ["a government area", { primaryArea: "health" }, { primaryArea: "notForSme" }],
    ["an organisation name", { organisationName: "X kommun" }, { organisationName: "notForSme" }],
  ])("with %s is refused beside that field", (_, extra, errors) => {
    expect(parseProfile({ ...sme, ...extra })).toEqual({ ok: false, errors });
  });

  test.each([
    ["zero-width spaces", "\u200b\u200b\u200b"],
    ["joiners and a byte-order mark", "\u200d\ufeff\u200d"],
    ["control characters", "\u0007\u0008\u001b"],
    ["punctuation only", "---"],
  ])("a name made of %s is refused", (_, unreadable) => {
    expect(parseProfile({ ...sme, companyName: unreadable })).toEqual({
      ok: false,
      errors: { companyName: "required" },
    });
    expect(parseProfile({ ...sme, contactName: unreadable })).toEqual({
      ok: false,
      errors: { contactName: "required" },
    });
    expect(parseProfile({ ...pso, organisationName: unreadable })).toEqual({
      ok: false,
      errors: { organisationName: "required" },
    });
  });
});

describe("a public sector organisation's profile", () => {
  test("parses with its own fields and a normalised organisation number", () => {
    expect(parseProfile(pso)).toEqual({
      ok: true,
      profile: {
        customerType: "pso",
        organisationName: "Granryds kommun",
        orgNumber: "2120000597",
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
      },
    });
  });

  test.each<[string, Record<string, unknown>, Record<string, string>]>([
    ["a micro size class", { sizeClass: "micro" }, { sizeClass: "psoSizeClass" }],
    ["an SME sector as its area", { primaryArea: "manufacturing" }, { primaryArea: "choose" }],
    ["an SME sector beside its area", { primarySector: "ict" }, { primarySector: "notForPso" }],
    ["a company name", { companyName: "Granryd AB" }, { companyName: "notForPso" }],
    ["no primary area", { primaryArea: "" }, { primaryArea: "choose" }],
    [
      "an unknown type of organisation",
      { organisationType: "county" },
      { organisationType: "choose" },
    ],
    [
      "the same secondary area",
      { secondaryArea: "general-public-services" },
      { secondaryArea: "sameArea" },
    ],
    ["a failing check digit", { orgNumber: "212000-0598" }, { orgNumber: "orgNumber" }],
    ["no name", { organisationName: "" }, { organisationName: "required" }],
  ])("with %s is refused beside that field", (_, change, errors) => {
    expect(parseProfile({ ...pso, ...change })).toEqual({ ok: false, errors });
  });

  test("reports every problem at once, the check digit among them", () => {
    const result = parseProfile({
      ...pso,
      sizeClass: "micro",
      orgNumber: "212000-0598",
      primarySector: "ict",
    });
    expect(result).toEqual({
      ok: false,
      errors: { sizeClass: "psoSizeClass", orgNumber: "orgNumber", primarySector: "notForPso" },
    });
  });

  test.each([["county"], [3], [null]])("an unknown customer type %j is refused", (customerType) => {
    expect(parseProfile({ ...pso, customerType })).toEqual({
      ok: false,
      errors: { customerType: "choose" },
    });
  });
});

describe("the error summary's order", () => {
  test.each([
    [
      "sme",
      { contactEmail: "email", companyName: "required", region: "choose" },
      ["companyName", "region", "contactEmail"],
    ],
    [
      "pso",
      { primaryArea: "choose", organisationName: "required", companyName: "notForPso" },
      ["organisationName", "primaryArea", "companyName"],
    ],
  ] as const)("%s: the form's order, then fields of the other type", (type, errors, order) => {
    expect(profileFieldsOf(type, errors)).toEqual(order);
  });
});
