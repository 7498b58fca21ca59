import type { Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// A trader import belongs to one market: the run remembers it, so a kept file is committed into the market it
// was checked against, whatever link the commit arrives from.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("import_runs").addColumn("target_id", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("import_runs").dropColumn("target_id").execute();
}
