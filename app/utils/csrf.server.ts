import { randomBytes, timingSafeEqual } from "node:crypto";
import { csrfCookie } from "./cookies.server";

// Double-submit token: a signed, httpOnly cookie holds a random token and every mutating form
// (or fetch, through the X-CSRF-Token header) must send the same value back.

export const CSRF_FIELD = "csrf";
export const CSRF_HEADER = "X-CSRF-Token";

/** Returns the caller's token, minting one (and the Set-Cookie to store it) when there is none. */
export async function ensureCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing = await csrfCookie().parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: await csrfCookie().serialize(token) };
}

// The largest form body read to find the token; uploads have their own, smaller limits.
const MAX_FORM_BYTES = 16 * 1024 * 1024;

async function submittedToken(request: Request): Promise<string | null> {
  const header = request.headers.get(CSRF_HEADER);
  if (header) return header;
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.includes("form")) return null;
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_FORM_BYTES) {
    throw new Response("Request body too large", { status: 413 });
  }
  try {
    const value = (await request.clone().formData()).get(CSRF_FIELD);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Throws a 403 Response when the request does not carry the caller's CSRF token. */
export async function requireCsrfToken(request: Request): Promise<void> {
  const expected = await csrfCookie().parse(request.headers.get("Cookie"));
  const submitted = await submittedToken(request);
  if (typeof expected !== "string" || !submitted || !sameToken(expected, submitted)) {
    throw new Response("CSRF token missing or invalid", { status: 403, statusText: "csrf" });
  }
}
