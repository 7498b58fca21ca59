import { sql, type ExpressionBuilder, type Expression, type SqlBool } from "kysely";
import type { Database } from "../../db/schema";
import type { Scope } from "../domain/scope";

// The only place that turns a scope into query filters. Every model query that reads or writes
// scoped data passes through one of these, so a route cannot forget to restrict what it sees.

type AnyEb = ExpressionBuilder<any, any>;

// Portable "no restriction" (SQLite and PostgreSQL both accept it; JS booleans cannot be bound in SQLite).
const everything = sql<SqlBool>`1 = 1`;

/** Filter for rows that carry a branch id column (markets, users, ...). */
export function branchColumnInScope(scope: Scope, branchColumn: string) {
  return (eb: AnyEb): Expression<SqlBool> => {
    switch (scope.level) {
      case "all":
        return everything;
      case "region":
        return eb(
          eb.ref(branchColumn),
          "in",
          eb.selectFrom("branches").select("branches.id").where("branches.region_id", "=", scope.regionId),
        );
      case "branch":
      case "market":
        return eb(eb.ref(branchColumn), "=", scope.branchId);
    }
  };
}

/** Filter for the markets table (aliased `markets`) by the scope. */
export function marketInScope(scope: Scope) {
  return (eb: ExpressionBuilder<Database, "markets">): Expression<SqlBool> => {
    if (scope.level === "market") return eb("markets.id", "=", scope.marketId);
    return branchColumnInScope(scope, "markets.branch_id")(eb);
  };
}

/** Filter for the branches table by the scope: a collector sees only their market's branch. */
export function branchInScope(scope: Scope) {
  return (eb: ExpressionBuilder<Database, "branches">): Expression<SqlBool> => {
    switch (scope.level) {
      case "all":
        return everything;
      case "region":
        return eb("branches.region_id", "=", scope.regionId);
      case "branch":
      case "market":
        return eb("branches.id", "=", scope.branchId);
    }
  };
}

/** Filter for the regions table. */
export function regionInScope(scope: Scope) {
  return (eb: ExpressionBuilder<Database, "regions">): Expression<SqlBool> =>
    scope.level === "all" ? everything : eb("regions.id", "=", scope.regionId);
}
