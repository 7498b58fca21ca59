import { getDb } from "../utils/db.server";
import { env } from "../utils/env.server";
import { verifyPassword } from "../utils/password.server";
import { countRecentFailures, recordSignInAttempt } from "./sessions.server";
import { findUserForSignIn, normaliseEmail, recordSuccessfulSignIn } from "./users.server";

export type SignInOutcome =
  | { kind: "ok"; userId: number }
  | { kind: "invalid" }
  | { kind: "rate_limited"; retryAfterMinutes: number };

// Per-address allowance is wider than per-email: a branch office shares one public address.
const IP_ALLOWANCE_FACTOR = 4;

/** Checks the password, counting failures so repeated guessing is slowed down per email and per address. */
export async function attemptSignIn(input: { email: string; password: string; ip: string }): Promise<SignInOutcome> {
  const db = getDb();
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } = env();
  const email = normaliseEmail(input.email);
  const failures = await countRecentFailures(db, { email, ip: input.ip, windowMinutes: LOGIN_WINDOW_MINUTES });
  if (failures.byEmail >= LOGIN_MAX_FAILURES || failures.byIp >= LOGIN_MAX_FAILURES * IP_ALLOWANCE_FACTOR) {
    return { kind: "rate_limited", retryAfterMinutes: LOGIN_WINDOW_MINUTES };
  }
  const user = await findUserForSignIn(db, email);
  const valid = Boolean(user?.active) && (await verifyPassword(user!.password_hash, input.password));
  await recordSignInAttempt(db, { email, ip: input.ip, succeeded: valid });
  if (!valid || !user) return { kind: "invalid" };
  await recordSuccessfulSignIn(db, user.id);
  return { kind: "ok", userId: user.id };
}
