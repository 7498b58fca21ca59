import { describe, expect, it } from "vitest";
import {
  addDays,
  agendaSlot,
  agendaWindow,
  formatSchedule,
  isBeforeToday,
  isFarFromMarket,
  isOverdue,
} from "../../app/domain/visit-status";

const WIB = "Asia/Pontianak";
const WITA = "Asia/Makassar";
const planned = (planned_date: string) => ({ status: "planned" as const, planned_date, outcome_recorded_at: null });

describe("addDays", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("agendaWindow", () => {
  it("starts today in the market's zone and covers seven days", () => {
    // 16:30 UTC on 23 Nov is 23:30 WIB on the 23rd but 00:30 WITA on the 24th.
    const instant = new Date("2026-11-23T16:30:00Z");
    expect(agendaWindow(instant, WIB)).toEqual({ today: "2026-11-23", weekEnd: "2026-11-29" });
    expect(agendaWindow(instant, WITA)).toEqual({ today: "2026-11-24", weekEnd: "2026-11-30" });
  });
});

describe("isOverdue", () => {
  it("turns overdue at the market's midnight, an hour earlier in WITA than in WIB", () => {
    const visit = planned("2026-11-23");
    expect(isOverdue(visit, WITA, new Date("2026-11-23T15:59:59Z"))).toBe(false);
    expect(isOverdue(visit, WITA, new Date("2026-11-23T16:00:00Z"))).toBe(true);
    expect(isOverdue(visit, WIB, new Date("2026-11-23T16:30:00Z"))).toBe(false);
    expect(isOverdue(visit, WIB, new Date("2026-11-23T16:59:59Z"))).toBe(false);
    expect(isOverdue(visit, WIB, new Date("2026-11-23T17:00:00Z"))).toBe(true);
  });

  it("never calls a visit with an outcome, or a cancelled one, overdue", () => {
    const late = new Date("2026-12-01T03:00:00Z");
    expect(isOverdue({ ...planned("2026-11-23"), status: "done", outcome_recorded_at: "2026-11-23T03:00:00Z" }, WIB, late)).toBe(false);
    expect(isOverdue({ ...planned("2026-11-23"), status: "cancelled" }, WIB, late)).toBe(false);
    expect(isOverdue({ ...planned("2026-11-23"), outcome_recorded_at: "2026-11-23T03:00:00Z" }, WIB, late)).toBe(false);
  });
});

describe("agendaSlot", () => {
  const now = new Date("2026-11-23T16:30:00Z"); // 23 Nov WIB, 24 Nov WITA

  it("puts the same date in today for a WIB market and in overdue for a WITA market", () => {
    expect(agendaSlot(planned("2026-11-23"), WIB, now)).toBe("today");
    expect(agendaSlot(planned("2026-11-23"), WITA, now)).toBe("overdue");
  });

  it("counts the six days after today as this week and nothing beyond", () => {
    expect(agendaSlot(planned("2026-11-24"), WIB, now)).toBe("week");
    expect(agendaSlot(planned("2026-11-29"), WIB, now)).toBe("week");
    expect(agendaSlot(planned("2026-11-30"), WIB, now)).toBeNull();
    expect(agendaSlot(planned("2026-11-30"), WITA, now)).toBe("week");
  });

  it("keeps today's finished visits in today and drops cancelled and earlier finished ones", () => {
    const done = { status: "done" as const, outcome_recorded_at: "2026-11-23T05:00:00Z" };
    expect(agendaSlot({ ...done, planned_date: "2026-11-23" }, WIB, now)).toBe("today");
    expect(agendaSlot({ ...done, planned_date: "2026-11-22" }, WIB, now)).toBeNull();
    expect(agendaSlot({ ...planned("2026-11-23"), status: "cancelled" }, WIB, now)).toBeNull();
  });
});

describe("isBeforeToday", () => {
  it("judges a typed date against the market's local today", () => {
    const now = new Date("2026-11-23T16:30:00Z");
    expect(isBeforeToday("2026-11-23", WIB, now)).toBe(false);
    expect(isBeforeToday("2026-11-23", WITA, now)).toBe(true);
  });
});

describe("isFarFromMarket", () => {
  it("warns only beyond one kilometre and never without a distance", () => {
    expect(isFarFromMarket(1000)).toBe(false);
    expect(isFarFromMarket(1001)).toBe(true);
    expect(isFarFromMarket(null)).toBe(false);
  });
});

describe("formatSchedule", () => {
  it("shows the market's clock time with its zone, and the date alone without a time", () => {
    expect(formatSchedule("2026-11-24", "09:30", WITA)).toBe("24 Nov 2026 09.30 WITA");
    expect(formatSchedule("2026-08-17", "14:05", WIB, "en")).toBe("17 Aug 2026 14:05 WIB");
    expect(formatSchedule("2026-11-24", null, WIB)).toBe("24 Nov 2026");
  });
});
