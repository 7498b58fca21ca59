import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { jsonError, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { recordCollections } from "../models/collections.server";
import { COLLECTION_ROLES, MAX_BATCH_ENTRIES } from "../domain/collections";

// POST an array of entries (or { entries: [...] }): `{ idempotencyKey, traderId, amount, collectedAt, deviceId? }`.
// Answers 200 with one result per entry, in order, even when some are refused; replaying a key returns its
// first receipt and records nothing. 400 only when the body itself is not a usable batch.

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: COLLECTION_ROLES });
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError(400, "invalid_json", "The body must be JSON");
  }
  const entries = Array.isArray(body) ? body : (body as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries) || entries.length === 0) {
    return jsonError(400, "invalid_body", "Send a non-empty array of entries, or { entries: [...] }");
  }
  if (entries.length > MAX_BATCH_ENTRIES) {
    return jsonError(400, "too_many_entries", `At most ${MAX_BATCH_ENTRIES} entries per request`);
  }
  const results = await recordCollections(getDb(), user.scope, { collectorUserId: user.id, entries });
  return json({ results });
}
