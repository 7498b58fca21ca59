import type { Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// An uploaded import file kept between its dry run and its commit, so the commit writes exactly what
// was previewed, once, by the person who uploaded it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("import_runs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_base64", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("committed_at", "text")
    .addColumn("result", "text")
    .execute();
  await db.schema.createIndex("import_runs_user_idx").on("import_runs").columns(["user_id", "kind", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("import_runs").execute();
}
