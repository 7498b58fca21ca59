import { describe, expect, it } from "vitest";
import { formatBasisPoints, formatMonth } from "../../app/domain/month-format";

describe("formatMonth", () => {
  it("names the month in Indonesian by default and in English on request", () => {
    expect(formatMonth("2026-11")).toBe("November 2026");
    expect(formatMonth("2026-08")).toBe("Agustus 2026");
    expect(formatMonth("2026-08", "en")).toBe("August 2026");
  });

  it("returns anything that is not a YYYY-MM month unchanged", () => {
    expect(formatMonth("2026-11-24")).toBe("2026-11-24");
  });
});

describe("formatBasisPoints", () => {
  it("writes basis points as a percentage with the locale's decimal mark", () => {
    expect(formatBasisPoints(100)).toBe("1%");
    expect(formatBasisPoints(50)).toBe("0,5%");
    expect(formatBasisPoints(50, "en")).toBe("0.5%");
    expect(formatBasisPoints(225, "en")).toBe("2.25%");
  });
});
