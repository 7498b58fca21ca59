import type { Role } from "../../db/schema";

// What a signed-in user may see, derived from their role and assignment.
// Pure: the query filters built from it live in models/scope.server.ts.

export type Scope =
  | { level: "all" }
  | { level: "region"; regionId: number }
  | { level: "branch"; regionId: number; branchId: number }
  | { level: "market"; regionId: number; branchId: number; marketId: number };

export interface Placement {
  regionId: number;
  branchId?: number;
  marketId?: number;
}

export interface Assignment {
  role: Role;
  regionId: number | null;
  branchId: number | null;
  marketId: number | null;
}

export class ScopeAssignmentError extends Error {}

/** Builds a scope from a user's role and the region/branch/market it is attached to. */
export function scopeForAssignment(assignment: Assignment): Scope {
  const { role, regionId, branchId, marketId } = assignment;
  switch (role) {
    case "admin":
      return { level: "all" };
    case "regional_head":
      if (regionId == null) throw new ScopeAssignmentError("A regional head needs a region");
      return { level: "region", regionId };
    case "branch_staff":
      if (regionId == null || branchId == null) throw new ScopeAssignmentError("Branch staff need a branch");
      return { level: "branch", regionId, branchId };
    case "market_collector":
      if (regionId == null || branchId == null || marketId == null) {
        throw new ScopeAssignmentError("A collector needs a market");
      }
      return { level: "market", regionId, branchId, marketId };
  }
}

/** Whether a record placed at region/branch/market lies inside the scope. */
export function scopeCovers(scope: Scope, place: Placement): boolean {
  switch (scope.level) {
    case "all":
      return true;
    case "region":
      return place.regionId === scope.regionId;
    case "branch":
      return place.branchId === scope.branchId;
    case "market":
      return place.marketId === scope.marketId;
  }
}

/** Every role, broadest first. */
export const ROLES: Role[] = ["admin", "regional_head", "branch_staff", "market_collector"];
