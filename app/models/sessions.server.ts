import { randomBytes, createHash } from "node:crypto";
import type { DB } from "../utils/db.server";

// Server-side sessions: the cookie carries only a random id, so signing out or deactivating a user
// ends the session at once, and expiry is enforced here rather than trusted to the browser.

export async function startSession(db: DB, userId: number, ttlHours: number): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const now = new Date();
  await db
    .insertInto("sessions")
    .values({
      id,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(),
    })
    .execute();
  return id;
}

export async function findSessionUserId(db: DB, sessionId: string): Promise<number | null> {
  const row = await db
    .selectFrom("sessions")
    .select("user_id")
    .where("id", "=", sessionId)
    .where("expires_at", ">", new Date().toISOString())
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function endSession(db: DB, sessionId: string) {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function endAllSessionsOf(db: DB, userId: number) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

// --- Personal API tokens: shown once, stored as a SHA-256 hash (they are long random secrets). ---

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueApiToken(db: DB, options: { userId: number; name: string; createdBy: number }) {
  const token = `pt_${randomBytes(24).toString("base64url")}`;
  await db
    .insertInto("api_tokens")
    .values({
      user_id: options.userId,
      name: options.name.trim(),
      token_hash: hashToken(token),
      token_hint: token.slice(-4),
      created_by_user_id: options.createdBy,
      created_at: new Date().toISOString(),
    })
    .execute();
  return token;
}

/** last_used_at is kept to the minute: writing it on every call would cost a disk sync per API request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function findTokenUserId(db: DB, token: string): Promise<number | null> {
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "user_id", "last_used_at"])
    .where("token_hash", "=", hashToken(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const now = new Date();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    await db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("id", "=", row.id).execute();
  }
  return row.user_id;
}

export async function listApiTokens(db: DB, userId: number) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "token_hint", "created_at", "last_used_at", "revoked_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .execute();
}

export async function revokeApiToken(db: DB, options: { tokenId: number; userId: number }) {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", options.tokenId)
    .where("user_id", "=", options.userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// --- Sign-in rate limiting: failures per email and per address inside a sliding window. ---

export async function recordSignInAttempt(db: DB, attempt: { email: string; ip: string; succeeded: boolean }) {
  await db
    .insertInto("login_attempts")
    .values({
      email: attempt.email,
      ip: attempt.ip,
      succeeded: attempt.succeeded ? 1 : 0,
      attempted_at: new Date().toISOString(),
    })
    .execute();
}

export async function countRecentFailures(db: DB, options: { email: string; ip: string; windowMinutes: number }) {
  const since = new Date(Date.now() - options.windowMinutes * 60_000).toISOString();
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when("email", "=", options.email).then(1).else(0).end()).as("by_email"),
      eb.fn.sum<number>(eb.case().when("ip", "=", options.ip).then(1).else(0).end()).as("by_ip"),
    ])
    .where("succeeded", "=", 0)
    .where("attempted_at", ">", since)
    .where((eb) => eb.or([eb("email", "=", options.email), eb("ip", "=", options.ip)]))
    .executeTakeFirstOrThrow();
  return { byEmail: Number(row.by_email ?? 0), byIp: Number(row.by_ip ?? 0) };
}
