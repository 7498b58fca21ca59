import { describe, expect, it } from "vitest";
import {
  addCash,
  daysEndingWith,
  DEFAULT_SORT,
  expectedByToday,
  figuresOf,
  fillSeries,
  headlineOf,
  monthsEndingWith,
  narrowScope,
  NO_CASH,
  NO_PARTICIPANTS,
  parseBranchSort,
  parseIsoDate,
  parseMonth,
  percentChange,
  pipelineFunnel,
  previousMonth,
  ratioLight,
  sameDayLastMonth,
  sortBranchRows,
  sortLink,
  type UnitTotals,
} from "../../app/domain/dashboard";

const totals = (overrides: Partial<UnitTotals> = {}): UnitTotals => ({
  today: "2026-11-15",
  mou: { achieved: 2, target: 2, targetIsDefault: false, light: "green" },
  registered: 100,
  tradersTarget: 100,
  participants: { ...NO_PARTICIPANTS, aktif: 80 },
  collections: { thisMonth: 500_000, lastMonth: 900_000, lastMonthToDate: 400_000 },
  monthlyCollectionsTarget: 1_000_000,
  cash: NO_CASH,
  overdueVisits: 0,
  ...overrides,
});

describe("ratioLight", () => {
  it("is green at or above the target, amber from 80% and red below", () => {
    expect(ratioLight(100, 100)).toBe("green");
    expect(ratioLight(80, 100)).toBe("amber");
    expect(ratioLight(79, 100)).toBe("red");
  });

  it("has no light without a target", () => {
    expect(ratioLight(5, null)).toBeNull();
    expect(ratioLight(5, 0)).toBeNull();
  });
});

describe("month and day arithmetic", () => {
  it("steps back over a year boundary", () => {
    expect(previousMonth("2026-01")).toBe("2025-12");
    expect(monthsEndingWith("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("lists the days ending today, oldest first", () => {
    expect(daysEndingWith("2026-03-01", 3)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });

  it("clamps the same day of last month to its length", () => {
    expect(sameDayLastMonth("2026-03-31")).toBe("2026-02-28");
    expect(sameDayLastMonth("2028-03-30")).toBe("2028-02-29");
    expect(sameDayLastMonth("2026-11-24")).toBe("2026-10-24");
    expect(sameDayLastMonth("2026-01-15")).toBe("2025-12-15");
  });

  it("expects a monthly target pro rata to the day", () => {
    expect(expectedByToday(3_000_000, "2026-11-15")).toBe(1_500_000);
    expect(expectedByToday(null, "2026-11-15")).toBeNull();
  });

  it("reads only real months and dates", () => {
    expect(parseMonth("2026-11")).toBe("2026-11");
    expect(parseMonth("2026-13")).toBeNull();
    expect(parseIsoDate("2026-02-29")).toBeNull();
    expect(parseIsoDate("2028-02-29")).toBe("2028-02-29");
    expect(parseIsoDate("yesterday")).toBeNull();
  });
});

describe("percentChange", () => {
  it("is one decimal and null when there is nothing to compare with", () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(1, 3)).toBe(-66.7);
    expect(percentChange(10, 0)).toBeNull();
  });
});

describe("fillSeries", () => {
  it("keeps every key in order and fills the gaps with zero", () => {
    expect(fillSeries(["a", "b", "c"], new Map([["b", 5]]))).toEqual([
      { key: "a", value: 0 },
      { key: "b", value: 5 },
      { key: "c", value: 0 },
    ]);
  });
});

describe("pipelineFunnel", () => {
  it("counts the markets that reached each stage or went further", () => {
    const funnel = pipelineFunnel({ identified: 5, visited: 3, negotiating: 2, mou_signed: 1, collecting: 4, declined: 7 });
    expect(funnel.map((step) => [step.stage, step.at, step.reached])).toEqual([
      ["identified", 5, 15],
      ["visited", 3, 10],
      ["negotiating", 2, 7],
      ["mou_signed", 1, 5],
      ["collecting", 4, 4],
    ]);
  });
});

describe("figuresOf", () => {
  it("says what a branch is behind on, worst first", () => {
    const figures = figuresOf(
      totals({
        mou: { achieved: 1, target: 2, targetIsDefault: true, light: "amber" },
        registered: 50,
        cash: { ...NO_CASH, inHand: 10_000, flaggedMarkets: 1 },
        overdueVisits: 2,
      }),
    );
    expect(figures.behind).toEqual(["traders", "cash", "mou", "visits"]);
    expect(figures.behindScore).toBe(2 + 2 + 1 + 1);
  });

  it("is on track when every target is met", () => {
    const figures = figuresOf(totals());
    expect(figures.behind).toEqual([]);
    expect(figures.expectedCollections).toBe(500_000);
    expect(figures.collectionsLight).toBe("green");
    expect(figures.collectionsChange).toBe(25);
  });
});

describe("addCash and headlineOf", () => {
  it("keeps the oldest cash date and where it is", () => {
    let cash = addCash(NO_CASH, { name: "Pasar A", cashInHand: 100, oldestCashDate: "2026-11-20", cashAgeDays: 4, flagged: true });
    cash = addCash(cash, { name: "Pasar B", cashInHand: 50, oldestCashDate: "2026-11-22", cashAgeDays: 2, flagged: false });
    expect(cash).toEqual({ inHand: 150, oldestDate: "2026-11-20", oldestMarket: "Pasar A", ageDays: 4, flaggedMarkets: 1 });
  });

  it("adds the branch rows up", () => {
    const a = figuresOf(totals({ tradersTarget: null, cash: { ...NO_CASH, inHand: 10, oldestDate: "2026-11-10", oldestMarket: "Pasar A", ageDays: 5, flaggedMarkets: 1 } }));
    const b = figuresOf(totals({ mou: { achieved: 0, target: 2, targetIsDefault: true, light: "red" }, tradersTarget: 300 }));
    const headline = headlineOf([a, b]);
    expect(headline.units).toBe(2);
    expect(headline.unitsMeetingMouTarget).toBe(1);
    expect(headline.mouMarkets).toBe(2);
    expect(headline.mouTarget).toBe(4);
    expect(headline.registered).toBe(200);
    expect(headline.tradersTarget).toBe(300);
    expect(headline.collections.thisMonth).toBe(1_000_000);
    expect(headline.participants.aktif).toBe(160);
    expect(headline.cash).toMatchObject({ inHand: 10, oldestDate: "2026-11-10", oldestMarket: "Pasar A", flaggedMarkets: 1 });
    expect(headline.unitsBehind).toBe(2);
  });
});

describe("branch table sorting", () => {
  const rows = [
    { code: "KC-B", ...figuresOf(totals({ registered: 10 })) },
    { code: "KC-A", ...figuresOf(totals({ registered: 30, overdueVisits: 1 })) },
    { code: "KC-C", ...figuresOf(totals({ registered: 20, cash: { ...NO_CASH, flaggedMarkets: 1 } })) },
  ];

  it("puts the most behind first by default, ties by code", () => {
    expect(sortBranchRows(rows, DEFAULT_SORT).map((row) => row.code)).toEqual(["KC-C", "KC-A", "KC-B"]);
  });

  it("sorts by a column either way", () => {
    expect(sortBranchRows(rows, { key: "traders", dir: "desc" }).map((row) => row.code)).toEqual(["KC-A", "KC-C", "KC-B"]);
    expect(sortBranchRows(rows, { key: "code", dir: "asc" }).map((row) => row.code)).toEqual(["KC-A", "KC-B", "KC-C"]);
  });

  it("reads the sort from the URL and falls back to the default", () => {
    expect(parseBranchSort(new URLSearchParams("sort=cash&dir=asc"))).toEqual({ key: "cash", dir: "asc" });
    expect(parseBranchSort(new URLSearchParams("sort=drop table"))).toEqual(DEFAULT_SORT);
  });

  it("flips the direction when the same column is chosen again", () => {
    expect(sortLink({ key: "cash", dir: "desc" }, "cash")).toEqual({ key: "cash", dir: "asc" });
    expect(sortLink({ key: "cash", dir: "desc" }, "code")).toEqual({ key: "code", dir: "asc" });
    expect(sortLink({ key: "code", dir: "asc" }, "traders")).toEqual({ key: "traders", dir: "desc" });
  });
});

describe("narrowScope", () => {
  it("narrows a region to one of its branches or markets", () => {
    expect(narrowScope({ level: "region", regionId: 1 }, { regionId: 1, branchId: 4 })).toEqual({ level: "branch", regionId: 1, branchId: 4 });
    expect(narrowScope({ level: "all" }, { regionId: 2, branchId: 4, marketId: 9 })).toEqual({ level: "market", regionId: 2, branchId: 4, marketId: 9 });
  });

  it("never widens a collector's scope and refuses a place outside the scope", () => {
    const collector = { level: "market" as const, regionId: 1, branchId: 4, marketId: 9 };
    expect(narrowScope(collector, { regionId: 1, branchId: 4, marketId: 9 })).toBe(collector);
    expect(() => narrowScope({ level: "branch", regionId: 1, branchId: 4 }, { regionId: 1, branchId: 5 })).toThrow(RangeError);
  });
});
