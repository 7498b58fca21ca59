import { createCookie } from "@remix-run/node";
import { cookiesAreSecure, env, sessionSecrets } from "./env.server";

// Built lazily so tests and scripts can set the environment before the first request.

export function sessionCookie() {
  return createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookiesAreSecure(),
    secrets: sessionSecrets(),
    maxAge: env().SESSION_TTL_HOURS * 3600,
  });
}

export function csrfCookie() {
  return createCookie("csrf", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookiesAreSecure(),
    secrets: sessionSecrets(),
  });
}

/** The interface language, remembered for a year; not secret, so readable without signing. */
export const languageCookie = createCookie("lang", { sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
