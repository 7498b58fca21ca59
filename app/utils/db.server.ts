import type { Kysely } from "kysely";
import { openDatabase } from "../../db/connection";
import type { Database } from "../../db/schema";
import { env } from "./env.server";

export type DB = Kysely<Database>;

const holder = globalThis as typeof globalThis & { __pasarDb?: DB };

/** The process-wide database handle, opened lazily from DATABASE_URL. */
export function getDb(): DB {
  holder.__pasarDb ??= openDatabase(env().DATABASE_URL);
  return holder.__pasarDb;
}

export function nowIso(): string {
  return new Date().toISOString();
}
