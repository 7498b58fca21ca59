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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * At most this many compiled statements are kept, each with at most this many parameters: a group commit's
 * multi-row insert (up to 50 entries × 12 columns) is worth keeping, a 1,000-item `in (…)` list of an import is
 * not. Bounded so (measured) the kept statements stay under ~30 MB outside the JS heap.
 */
const STATEMENT_CACHE_SIZE = 200;
const STATEMENT_CACHE_MAX_PARAMETERS = 1_000;

/**
 * Kysely prepares every query it runs and better-sqlite3 compiles a fresh statement each time: a tenth of an
 * API request's CPU. Compiled statements are kept by their SQL text, the least recently used dropped first.
 * Kysely runs one query at a time on the connection, so a kept statement is never in use twice; a streamed
 * read still gets its own statement, since an abandoned iteration would leave a kept one busy.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  const compiled = (sql: string) => {
    const kept = cache.get(sql);
    if (kept) {
      cache.delete(sql);
      cache.set(sql, kept);
      return kept;
    }
    const statement = sqlite.prepare(sql);
    if (sql.split("?").length - 1 <= STATEMENT_CACHE_MAX_PARAMETERS) {
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  };
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const statement = compiled(sql);
      return {
        reader: statement.reader,
        all: (parameters: readonly unknown[]) => statement.all(parameters),
        run: (parameters: readonly unknown[]) => statement.run(parameters),
        iterate: (parameters: readonly unknown[]) => sqlite.prepare(sql).iterate(parameters),
      };
    },
  };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return migrator.migrateToLatest();
}
