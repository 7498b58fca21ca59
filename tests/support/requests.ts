import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../app/utils/db.server";
import { startSession, issueApiToken } from "../../app/models/sessions.server";
import { csrfCookie, sessionCookie } from "../../app/utils/cookies.server";

// Real Requests against route modules, the way Remix calls them, with a real session or token.

export const BASE = "http://localhost";
export const TEST_CSRF = "test-csrf-token-0123456789abcdefghijklmnop";

export interface Caller {
  cookie?: string;
  bearer?: string;
}

async function userIdByEmail(email: string): Promise<number> {
  const row = await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return row.id;
}

/** A signed-in browser: session cookie plus the CSRF cookie whose token is TEST_CSRF. */
export async function signedInAs(email: string): Promise<Caller> {
  const sessionId = await startSession(getDb(), await userIdByEmail(email), 1);
  const session = (await sessionCookie().serialize(sessionId)).split(";")[0];
  const csrf = (await csrfCookie().serialize(TEST_CSRF)).split(";")[0];
  return { cookie: `${session}; ${csrf}` };
}

/** An integration client holding a personal API token of the user. */
export async function bearerOf(email: string): Promise<Caller> {
  const userId = await userIdByEmail(email);
  return { bearer: await issueApiToken(getDb(), { userId, name: "test", createdBy: userId }) };
}

export const anonymous: Caller = {};

function headersFor(caller: Caller, extra: Record<string, string> = {}) {
  const headers = new Headers(extra);
  if (caller.cookie) headers.set("Cookie", caller.cookie);
  if (caller.bearer) headers.set("Authorization", `Bearer ${caller.bearer}`);
  return headers;
}

export function getRequest(path: string, caller: Caller = anonymous): Request {
  return new Request(BASE + path, { headers: headersFor(caller) });
}

/** A form POST; the CSRF field is included unless `withCsrf: false`. */
export function postRequest(
  path: string,
  caller: Caller,
  fields: Record<string, string> = {},
  options: { withCsrf?: boolean } = {},
): Request {
  const body = new URLSearchParams(fields);
  if (options.withCsrf !== false) body.set("csrf", TEST_CSRF);
  return new Request(BASE + path, {
    method: "POST",
    headers: headersFor(caller, { "Content-Type": "application/x-www-form-urlencoded" }),
    body,
  });
}

type DataFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/** Calls a loader or action and returns the Response, whether it was returned or thrown. */
export async function call(fn: DataFunction, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await fn({ request, params, context: {} });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { status: 200, headers: { "Content-Type": "application/json" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function bodyOf(response: Response): Promise<string> {
  return response.body ? await response.text() : "";
}
