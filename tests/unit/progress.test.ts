import { describe, expect, it } from "vitest";
import { monthRange, trafficLight } from "../../app/domain/progress";
import { requestedYear } from "../../app/domain/target-form";

describe("trafficLight", () => {
  it("is green when the target is met or beaten", () => {
    expect(trafficLight(2, 2)).toBe("green");
    expect(trafficLight(3, 2)).toBe("green");
  });

  it("is amber when exactly one market is missing", () => {
    expect(trafficLight(1, 2)).toBe("amber");
    expect(trafficLight(4, 5)).toBe("amber");
  });

  it("is red when none is in force or more than one is missing", () => {
    expect(trafficLight(0, 2)).toBe("red");
    expect(trafficLight(0, 1)).toBe("red");
    expect(trafficLight(1, 3)).toBe("red");
  });
});

describe("monthRange", () => {
  it("knows month lengths including leap years", () => {
    expect(monthRange("2026-11-24")).toEqual({ first: "2026-11-01", last: "2026-11-30" });
    expect(monthRange("2028-02-10")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
  });
});

describe("requestedYear", () => {
  it("uses the asked year or falls back to the current WITA year", () => {
    const now = new Date("2026-12-31T16:30:00Z"); // already 1 Jan 2027 in Balikpapan
    expect(requestedYear("2025", now)).toBe(2025);
    expect(requestedYear(null, now)).toBe(2027);
    expect(requestedYear("abc", now)).toBe(2027);
  });
});
