import { describe, expect, test } from "vitest";
import {
  displayOrgNumber,
  luhnCheckDigit,
  normaliseSwedishOrgNumber,
} from "../../app/lib/core/org-number";

describe("organisation numbers", () => {
  test("a Swedish one is stored as its 10 digits, whatever way it was written", () => {
    for (const written of ["556036-0793", "5560360793", "16556036-0793", " 556036 0793 "]) {
      expect(normaliseSwedishOrgNumber(written)).toBe("5560360793");
    }
    expect(normaliseSwedishOrgNumber("556036-0794")).toBeNull();
    expect(luhnCheckDigit("556036079")).toBe(3);
  });

  test("staff read a stored Swedish number as NNNNNN-NNNN; others as stored, none as a dash", () => {
    expect(displayOrgNumber("5560360793")).toBe("556036-0793");
    expect(displayOrgNumber("2163279678")).toBe("216327-9678");
    expect(displayOrgNumber("DE123456789")).toBe("DE123456789");
    expect(displayOrgNumber(null)).toBe("—");
  });
});
