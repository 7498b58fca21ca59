import path from "node:path";
import fs from "node:fs";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type MigrationResultSet } from "kysely";
import type { Database } from "./schema";
import { migrations } from "./migrations";

export const DEFAULT_DATABASE_URL = "file:db/data/pasar-terlindungi.sqlite";

/** `file:relative/or/absolute.sqlite`, a bare path, or `:memory:`. PostgreSQL URLs come later. */
export function sqlitePathFromUrl(url: string): string {
  if (/^postgres(ql)?:/.test(url)) {
    throw new Error("PostgreSQL is not wired yet: set DATABASE_URL to a SQLite file (file:path.sqlite).");
  }
  const file = url.startsWith("file:") ? url.slice("file:".length) : url;
  return file === ":memory:" ? file : path.resolve(file);
}

export function openDatabase(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Kysely<Database> {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return migrator.migrateToLatest();
}
