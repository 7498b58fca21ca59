import type { Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// Indexes for the dashboards and exports, so their figures stay fast as a region's year of data grows:
// - the collections export walks the ledger in (business_date, id) order with keyset pagination;
// - the per-status participant counts, arrears counts and snapshot dates are read from the index alone;
// - registered traders and enrolments per month are read from the index alone;
// - cash in hand checks every closed day against the deposits covering it without touching the tables.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("collection_entries_date_idx").on("collection_entries").columns(["business_date", "id"]).execute();
  await db.schema
    .createIndex("trader_coverage_status_idx")
    .on("trader_coverage")
    .columns(["market_id", "status", "months_behind", "computed_on"])
    .execute();
  await db.schema.createIndex("traders_enrolment_idx").on("traders").columns(["market_id", "status", "enrolled_at"]).execute();
  await db.schema
    .createIndex("collection_days_cash_idx")
    .on("collection_days")
    .columns(["market_id", "business_date", "status", "counted_cash"])
    .execute();
  await db.schema.createIndex("deposit_days_cover_idx").on("deposit_days").columns(["market_id", "business_date", "deposit_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["deposit_days_cover_idx", "collection_days_cash_idx", "traders_enrolment_idx", "trader_coverage_status_idx", "collection_entries_date_idx"]) {
    await db.schema.dropIndex(index).execute();
  }
}
