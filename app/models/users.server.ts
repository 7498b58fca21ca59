import type { DB } from "../utils/db.server";
import type { Role } from "../../db/schema";
import { scopeForAssignment, type Scope } from "../domain/scope";
import { hashPassword } from "../utils/password.server";

export interface SignedInUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  scope: Scope;
  homeLabel: string;
}

const userColumns = [
  "users.id",
  "users.email",
  "users.name",
  "users.role",
  "users.active",
  "users.region_id",
  "users.branch_id",
  "users.market_id",
] as const;

/** Loads an active user with the scope their role and assignment give them. */
export async function findActiveUser(db: DB, userId: number): Promise<SignedInUser | null> {
  const row = await db
    .selectFrom("users")
    .leftJoin("markets", "markets.id", "users.market_id")
    .leftJoin("branches", (join) =>
      join.on((eb) => eb("branches.id", "=", eb.fn.coalesce("users.branch_id", "markets.branch_id"))),
    )
    .leftJoin("regions", (join) =>
      join.on((eb) => eb("regions.id", "=", eb.fn.coalesce("users.region_id", "branches.region_id"))),
    )
    .select(userColumns)
    .select([
      "markets.name as market_name",
      "branches.id as resolved_branch_id",
      "branches.name as branch_name",
      "regions.id as resolved_region_id",
      "regions.name as region_name",
    ])
    .where("users.id", "=", userId)
    .where("users.active", "=", 1)
    .executeTakeFirst();
  if (!row) return null;
  const scope = scopeForAssignment({
    role: row.role,
    regionId: row.resolved_region_id,
    branchId: row.resolved_branch_id,
    marketId: row.market_id,
  });
  const homeLabel = row.market_name ?? row.branch_name ?? row.region_name ?? "";
  return { id: row.id, email: row.email, name: row.name, role: row.role, scope, homeLabel };
}

export async function findUserForSignIn(db: DB, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "password_hash", "active"])
    .where("email", "=", normaliseEmail(email))
    .executeTakeFirst();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface UserAssignmentInput {
  email: string;
  name: string;
  role: Role;
  regionId: number | null;
  branchId: number | null;
  marketId: number | null;
}

/** Stores only the level the role needs: a branch user's region follows from the branch. */
export function assignmentColumns(input: Pick<UserAssignmentInput, "role" | "regionId" | "branchId" | "marketId">) {
  return {
    role: input.role,
    region_id: input.role === "regional_head" ? input.regionId : null,
    branch_id: input.role === "branch_staff" ? input.branchId : null,
    market_id: input.role === "market_collector" ? input.marketId : null,
  };
}

export async function createUser(db: DB, input: UserAssignmentInput & { password: string }) {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto("users")
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      password_hash: await hashPassword(input.password),
      ...assignmentColumns(input),
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function recordSuccessfulSignIn(db: DB, userId: number) {
  await db.updateTable("users").set({ last_login_at: new Date().toISOString() }).where("id", "=", userId).execute();
}

