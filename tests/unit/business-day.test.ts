import { describe, expect, it } from "vitest";
import { businessDate, formatDate, formatDateTime, timeZoneForProvince, zoneAbbreviation } from "../../app/domain/business-day";

describe("timeZoneForProvince", () => {
  it("puts Kalimantan Barat and Tengah on WIB, the other three on WITA", () => {
    expect(timeZoneForProvince("61")).toBe("Asia/Pontianak");
    expect(timeZoneForProvince("62")).toBe("Asia/Pontianak");
    expect(timeZoneForProvince("63")).toBe("Asia/Makassar");
    expect(timeZoneForProvince("64")).toBe("Asia/Makassar");
    expect(timeZoneForProvince("65")).toBe("Asia/Makassar");
  });

  it("accepts a regency code and refuses provinces outside Kalimantan", () => {
    expect(timeZoneForProvince("64.71")).toBe("Asia/Makassar");
    expect(() => timeZoneForProvince("31")).toThrow(RangeError);
  });
});

describe("businessDate", () => {
  it("is the market's local day, not UTC's", () => {
    // 16:30 UTC on 23 Nov is 23:30 in Pontianak (WIB) but already 00:30 on 24 Nov in Balikpapan (WITA).
    const instant = new Date("2026-11-23T16:30:00Z");
    expect(businessDate(instant, "Asia/Pontianak")).toBe("2026-11-23");
    expect(businessDate(instant, "Asia/Makassar")).toBe("2026-11-24");
  });
});

describe("formatting dates", () => {
  it("shows dates with Indonesian month names by default", () => {
    expect(formatDate("2026-08-17")).toBe("17 Agu 2026");
    expect(formatDate("2026-08-17", "en")).toBe("17 Aug 2026");
  });

  it("shows an instant in the place's local time with its zone", () => {
    expect(formatDateTime("2026-11-24T01:05:00Z", "Asia/Makassar")).toBe("24 Nov 2026 09.05 WITA");
    expect(formatDateTime("2026-11-24T01:05:00Z", "Asia/Pontianak", "en")).toBe("24 Nov 2026 08:05 WIB");
    expect(zoneAbbreviation("Asia/Pontianak")).toBe("WIB");
  });
});
