import type { Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// The collections export walks the ledger in (business_date, id) order with keyset pagination; this index serves
// each page as a range scan, so a month of a whole region streams without sorting millions of rows per page.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("collection_entries_date_idx").on("collection_entries").columns(["business_date", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("collection_entries_date_idx").execute();
}
