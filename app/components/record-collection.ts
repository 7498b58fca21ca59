// The phone's side of POST /api/v1/collections: one entry per save, with a key generated once and reused on
// every retry, so a flaky connection can resend without ever recording the payment twice.

export interface OutgoingEntry {
  idempotencyKey: string;
  traderId: number;
  amount: number;
  collectedAt: string;
  deviceId: string;
}

export type SendOutcome =
  | { kind: "saved"; receiptNumber: string; entryId: number; businessDate: string }
  | { kind: "refused"; reason: string }
  | { kind: "rejected"; status: number }
  | { kind: "offline" };

const RETRY_DELAYS_MS = [1000, 2000, 4000];

/** crypto.randomUUID exists only in secure contexts; a phone on a LAN address over http has getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A stable id for this browser, kept in localStorage, so entries can be traced to a device. */
export function deviceId(): string {
  const stored = window.localStorage.getItem("pasar.deviceId");
  if (stored) return stored;
  const id = `web-${newIdempotencyKey().slice(0, 12)}`;
  window.localStorage.setItem("pasar.deviceId", id);
  return id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one entry, retrying network failures and 5xx answers with the same key. */
export async function sendEntry(entry: OutgoingEntry, csrfToken: string, onRetry: (attempt: number) => void): Promise<SendOutcome> {
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
    if (attempt > 0) {
      onRetry(attempt);
      await sleep(RETRY_DELAYS_MS[attempt - 1]);
    }
    let response: Response;
    try {
      response = await fetch("/api/v1/collections", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken },
        body: JSON.stringify([entry]),
      });
    } catch {
      continue;
    }
    if (response.status >= 500) continue;
    if (!response.ok) return { kind: "rejected", status: response.status };
    const [result] = (await response.json()).results as ({ ok: true; receiptNumber: string; entryId: number; businessDate: string } | { ok: false; reason: string })[];
    return result.ok ? { kind: "saved", receiptNumber: result.receiptNumber, entryId: result.entryId, businessDate: result.businessDate } : { kind: "refused", reason: result.reason };
  }
  return { kind: "offline" };
}
