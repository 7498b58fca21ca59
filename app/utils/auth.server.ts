import { redirect, json } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { findActiveUser, type SignedInUser } from "../models/users.server";
import { endSession, findSessionUserId, findTokenUserId, startSession } from "../models/sessions.server";
import { getDb } from "./db.server";
import { sessionCookie } from "./cookies.server";
import { requireCsrfToken } from "./csrf.server";
import { env } from "./env.server";

export type { SignedInUser };

const isApiRequest = (request: Request) => new URL(request.url).pathname.startsWith("/api/");
const isMutation = (request: Request) => !["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase());

export function jsonError(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, { status });
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

function bearerTokenFrom(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "");
  return match ? match[1] : null;
}

/** Who is calling, by session cookie or (on /api/ routes only) by personal API token. */
export async function getCaller(request: Request): Promise<{ user: SignedInUser; via: "session" | "token" } | null> {
  const db = getDb();
  const token = isApiRequest(request) ? bearerTokenFrom(request) : null;
  if (token) {
    const userId = await findTokenUserId(db, token);
    const user = userId == null ? null : await findActiveUser(db, userId);
    return user ? { user, via: "token" } : null;
  }
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const userId = await findSessionUserId(db, sessionId);
  const user = userId == null ? null : await findActiveUser(db, userId);
  return user ? { user, via: "session" } : null;
}

export async function getOptionalUser(request: Request): Promise<SignedInUser | null> {
  return (await getCaller(request))?.user ?? null;
}

/**
 * The first call of every protected loader and action. Signs the caller in (or answers 401 /
 * redirects to the sign-in page), checks the role, and for cookie-authenticated mutations checks
 * the CSRF token, so no route can forget either.
 */
export async function requireUser(request: Request, options: { roles?: Role[] } = {}): Promise<SignedInUser> {
  const caller = await getCaller(request);
  if (!caller) {
    if (isApiRequest(request)) throw jsonError(401, "unauthenticated", "Sign in or send a valid bearer token");
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
    throw redirect(`/login?${params}`);
  }
  if (caller.via === "session" && isMutation(request)) await requireCsrfToken(request);
  if (options.roles && !options.roles.includes(caller.user.role)) {
    if (isApiRequest(request)) throw jsonError(403, "forbidden", "Your role may not use this endpoint");
    throw new Response("Forbidden", { status: 403 });
  }
  return caller.user;
}

/** 404 for a record outside the caller's scope or missing: its existence is not confirmed either way. */
export function notFound(request: Request): Response {
  return isApiRequest(request) ? jsonError(404, "not_found", "Not found") : new Response("Not Found", { status: 404 });
}

export async function signIn(userId: number): Promise<string> {
  const sessionId = await startSession(getDb(), userId, env().SESSION_TTL_HOURS);
  return sessionCookie().serialize(sessionId);
}

export async function signOut(request: Request): Promise<string> {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) await endSession(getDb(), sessionId);
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Only same-site relative paths, so a crafted link cannot bounce a user elsewhere after sign-in. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) return fallback;
  return target;
}

export function clientAddress(request: Request): string {
  return request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() || "local";
}
