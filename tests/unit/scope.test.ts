import { describe, expect, it } from "vitest";
import { scopeCovers, scopeForAssignment, ScopeAssignmentError } from "../../app/domain/scope";

const pontianak = { regionId: 1, branchId: 10, marketId: 100 };
const flamboyanNeighbour = { regionId: 1, branchId: 10, marketId: 101 };
const balikpapan = { regionId: 1, branchId: 20, marketId: 200 };
const sulawesi = { regionId: 2, branchId: 30, marketId: 300 };

describe("scopeForAssignment", () => {
  it("gives each role the level it works at", () => {
    expect(scopeForAssignment({ role: "admin", regionId: null, branchId: null, marketId: null })).toEqual({ level: "all" });
    expect(scopeForAssignment({ role: "regional_head", regionId: 1, branchId: null, marketId: null })).toEqual({
      level: "region",
      regionId: 1,
    });
    expect(scopeForAssignment({ role: "market_collector", regionId: 1, branchId: 10, marketId: 100 })).toEqual({
      level: "market",
      regionId: 1,
      branchId: 10,
      marketId: 100,
    });
  });

  it("refuses a role without the assignment it needs instead of widening access", () => {
    expect(() => scopeForAssignment({ role: "branch_staff", regionId: 1, branchId: null, marketId: null })).toThrow(
      ScopeAssignmentError,
    );
    expect(() => scopeForAssignment({ role: "market_collector", regionId: 1, branchId: 10, marketId: null })).toThrow(
      ScopeAssignmentError,
    );
  });
});

describe("scopeCovers", () => {
  it("lets an admin see everything", () => {
    expect(scopeCovers({ level: "all" }, sulawesi)).toBe(true);
  });

  it("keeps a regional head inside their region", () => {
    const scope = { level: "region" as const, regionId: 1 };
    expect(scopeCovers(scope, balikpapan)).toBe(true);
    expect(scopeCovers(scope, sulawesi)).toBe(false);
  });

  it("keeps branch staff inside their branch", () => {
    const scope = { level: "branch" as const, regionId: 1, branchId: 10 };
    expect(scopeCovers(scope, flamboyanNeighbour)).toBe(true);
    expect(scopeCovers(scope, balikpapan)).toBe(false);
  });

  it("keeps a collector on their own market", () => {
    const scope = { level: "market" as const, ...pontianak };
    expect(scopeCovers(scope, pontianak)).toBe(true);
    expect(scopeCovers(scope, flamboyanNeighbour)).toBe(false);
  });
});
