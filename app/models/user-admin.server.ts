import type { DB } from "../utils/db.server";
import { hashPassword } from "../utils/password.server";
import { containsText, pageWindow, toPage } from "./query-helpers.server";
import { assignmentColumns, normaliseEmail, type UserAssignmentInput } from "./users.server";
import { endAllSessionsOf } from "./sessions.server";

// User management is the admin's alone (routes require the admin role), so these are not scoped.

const PAGE_SIZE = 25;

export async function listUsers(db: DB, options: { q?: string; page?: number }) {
  const { page, limit, offset } = pageWindow(options.page, PAGE_SIZE);
  const base = db
    .selectFrom("users")
    .$if(Boolean(options.q?.trim()), (qb) =>
      qb.where((eb) => eb.or([containsText("users.name", options.q!), containsText("users.email", options.q!)])),
    );
  const [rows, count] = await Promise.all([
    base
      .leftJoin("regions", "regions.id", "users.region_id")
      .leftJoin("branches", "branches.id", "users.branch_id")
      .leftJoin("markets", "markets.id", "users.market_id")
      .select([
        "users.id",
        "users.email",
        "users.name",
        "users.role",
        "users.active",
        "users.last_login_at",
        "regions.name as region_name",
        "branches.code as branch_code",
        "markets.name as market_name",
      ])
      .orderBy("users.email")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows, count.total, page, PAGE_SIZE);
}

export async function findUserForAdmin(db: DB, userId: number) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "role", "region_id", "branch_id", "market_id", "active", "last_login_at", "created_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export async function isEmailTaken(db: DB, email: string, exceptUserId?: number) {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", normaliseEmail(email))
    .$if(exceptUserId != null, (qb) => qb.where("id", "!=", exceptUserId!))
    .executeTakeFirst();
  return Boolean(row);
}

/** A change of role or area ends the user's sessions so the new scope applies at once. */
export async function updateUserAssignment(db: DB, userId: number, input: UserAssignmentInput) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({
        email: normaliseEmail(input.email),
        name: input.name.trim(),
        ...assignmentColumns(input),
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", userId)
      .execute();
    await endAllSessionsOf(trx, userId);
  });
}

export async function resetPassword(db: DB, userId: number, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
      .where("id", "=", userId)
      .execute();
    await endAllSessionsOf(trx, userId);
  });
}

/** Deactivated users can neither sign in nor use their tokens (both check `active`). */
export async function setUserActive(db: DB, userId: number, active: boolean) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ active: active ? 1 : 0, updated_at: new Date().toISOString() })
      .where("id", "=", userId)
      .execute();
    if (!active) await endAllSessionsOf(trx, userId);
  });
}
