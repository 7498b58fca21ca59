import { describe, expect, it } from "vitest";
import { downloadFileName, exportFilterOf, localClock, monthlyReportRequest } from "../../app/domain/data-export";

describe("exportFilterOf", () => {
  it("reads the place and the date range", () => {
    expect(exportFilterOf(new URLSearchParams("branch=3&market=12&from=2026-11-01&to=2026-11-30"))).toEqual({
      branchId: 3,
      marketId: 12,
      from: "2026-11-01",
      to: "2026-11-30",
    });
  });

  it("ignores malformed values and swaps a reversed range", () => {
    expect(exportFilterOf(new URLSearchParams("branch=-1&market=x&from=2026-02-30&to=2026-11-30"))).toEqual({
      branchId: undefined,
      marketId: undefined,
      from: undefined,
      to: "2026-11-30",
    });
    expect(exportFilterOf(new URLSearchParams("from=2026-11-30&to=2026-11-01"))).toMatchObject({ from: "2026-11-01", to: "2026-11-30" });
  });
});

describe("monthlyReportRequest", () => {
  it("defaults to the current month and, for branch staff, to their branch", () => {
    const staff = { level: "branch" as const, regionId: 1, branchId: 7 };
    expect(monthlyReportRequest(new URLSearchParams(""), staff, "2026-11-24")).toEqual({ month: "2026-11", branchId: 7 });
    expect(monthlyReportRequest(new URLSearchParams("month=2026-10&branch=3"), { level: "region", regionId: 1 }, "2026-11-24")).toEqual({
      month: "2026-10",
      branchId: 3,
    });
    expect(monthlyReportRequest(new URLSearchParams("month=bad"), { level: "all" }, "2026-11-24")).toEqual({ month: "2026-11", branchId: null });
  });
});

describe("downloadFileName", () => {
  it("is plain ASCII, lower case and hyphenated", () => {
    expect(downloadFileName("iuran", ["Pasar Flamboyan", "2026-11-01", "2026-11-30"], "csv")).toBe("iuran-pasar-flamboyan-2026-11-01-2026-11-30.csv");
    expect(downloadFileName("laporan-bulanan", ["KC-PTK Cabang Pontianak", undefined, "2026-11"], "pdf")).toBe("laporan-bulanan-kc-ptk-cabang-pontianak-2026-11.pdf");
    expect(downloadFileName("pasar", ['Pasar "Kenanga"; rm -rf'], "xlsx")).toBe("pasar-pasar-kenanga-rm-rf.xlsx");
  });
});

describe("localClock", () => {
  it("shows an instant on the market's wall clock with its zone", () => {
    expect(localClock("2026-11-24T02:05:00.000Z", "Asia/Pontianak")).toBe("2026-11-24 09:05 WIB");
    expect(localClock("2026-11-24T02:05:00.000Z", "Asia/Makassar")).toBe("2026-11-24 10:05 WITA");
  });

  it("rolls over midnight into the next local day, month and year", () => {
    expect(localClock("2026-12-31T17:30:00.000Z", "Asia/Pontianak")).toBe("2027-01-01 00:30 WIB");
    expect(localClock("2026-11-30T16:10:00Z", "Asia/Makassar")).toBe("2026-12-01 00:10 WITA");
  });

  it("handles an instant written with an offset, and leaves nonsense alone", () => {
    expect(localClock("2026-11-24T09:05:00+07:00", "Asia/Makassar")).toBe("2026-11-24 10:05 WITA");
    expect(localClock("not a time", "Asia/Pontianak")).toBe("not a time");
  });
});
