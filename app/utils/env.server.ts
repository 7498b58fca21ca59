import { z } from "zod";

// Validated once at boot; every default here is what the README documents.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default("file:db/data/pasar-terlindungi.sqlite"),
  SESSION_SECRETS: z.string().default("dev-only-secret-change-me"),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(168),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  // Uploaded documents (signed MoU scans), stored by content hash; created if missing.
  UPLOAD_DIR: z.string().default("db/data/uploads"),
  // Raster tiles drawn over the built-in vector base; an empty value disables them (offline use).
  TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  // Collections: the largest single entry in rupiah, and the unpaid overdue months after which cover stops.
  COLLECTION_MAX_AMOUNT: z.coerce.number().int().positive().default(1_000_000),
  COVERAGE_INACTIVE_AFTER_MONTHS: z.coerce.number().int().positive().default(3),
  // Reconciliation: a market holding undeposited cash longer than this many days is flagged.
  CASH_IN_HAND_MAX_DAYS: z.coerce.number().int().positive().default(3),
  TILE_ATTRIBUTION: z
    .string()
    .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return schema.parse(source);
}

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    cached = readEnv();
    if (cached.NODE_ENV === "production" && cached.SESSION_SECRETS === "dev-only-secret-change-me") {
      console.warn("SESSION_SECRETS is the development default: set it before real use.");
    }
  }
  return cached;
}

/** Comma-separated, newest first: the first signs, all verify, so a secret can be rotated. */
export function sessionSecrets(): string[] {
  return env().SESSION_SECRETS.split(",").map((s) => s.trim()).filter(Boolean);
}

export function cookiesAreSecure(): boolean {
  const { COOKIE_SECURE, NODE_ENV } = env();
  return COOKIE_SECURE === "auto" ? NODE_ENV === "production" : COOKIE_SECURE === "true";
}
