import type { Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// Daily collections: the append-only ledger (payments and reversals), the market's business days (open or
// closed with counted cash) and their close/reopen history, bank deposits and the closed days they cover, and
// two derived tables kept in step with the ledger inside the same transaction: the per-market-per-day summary
// the dashboards read, and each trader's coverage snapshot.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("collection_entries")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("trader_id", "integer", (c) => c.notNull().references("traders.id"))
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("collector_user_id", "integer", (c) => c.notNull().references("users.id"))
    // The market's local date (YYYY-MM-DD) of the day the entry counts toward.
    .addColumn("business_date", "text", (c) => c.notNull())
    // Integer rupiah; negative for a reversal.
    .addColumn("amount", "integer", (c) => c.notNull())
    // e.g. PTK-FLB-20261123-0042; the sequence is per market and business day.
    .addColumn("receipt_number", "text", (c) => c.notNull().unique())
    .addColumn("receipt_sequence", "integer", (c) => c.notNull())
    // Client-chosen for payments; "reversal:<entry id>" for reversals. The unique index makes replays safe.
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    // An entry is reversed at most once: the unique index refuses a second reversal.
    .addColumn("reverses_entry_id", "integer", (c) => c.unique().references("collection_entries.id"))
    .addColumn("reason", "text")
    .addColumn("collected_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("device_id", "text")
    .execute();
  await db.schema
    .createIndex("collection_entries_market_day_idx")
    .on("collection_entries")
    .columns(["market_id", "business_date"])
    .execute();
  await db.schema.createIndex("collection_entries_trader_idx").on("collection_entries").columns(["trader_id", "business_date"]).execute();
  await db.schema
    .createIndex("collection_entries_collector_idx")
    .on("collection_entries")
    .columns(["collector_user_id", "business_date"])
    .execute();

  await db.schema
    .createTable("collection_days")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("business_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    // Last receipt sequence handed out for this market and day (the row is the counter).
    .addColumn("last_receipt_sequence", "integer", (c) => c.notNull().defaultTo(0))
    // Set by the latest close; kept (not cleared) on reopen so the history stays readable.
    .addColumn("counted_cash", "integer")
    .addColumn("recorded_total", "integer")
    .addColumn("variance", "integer")
    .addColumn("note", "text")
    .addColumn("closed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("closed_at", "text")
    .addColumn("reopened_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("reopened_at", "text")
    .addColumn("reopen_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("collection_days_market_date_uq", ["market_id", "business_date"])
    .execute();
  await db.schema.createIndex("collection_days_status_idx").on("collection_days").columns(["status", "business_date"]).execute();

  await db.schema
    .createTable("collection_day_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("collection_day_id", "integer", (c) => c.notNull().references("collection_days.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("counted_cash", "integer")
    .addColumn("recorded_total", "integer")
    .addColumn("variance", "integer")
    // The variance note on a close, the reason on a reopen.
    .addColumn("note", "text")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("collection_day_events_day_idx").on("collection_day_events").column("collection_day_id").execute();

  await db.schema
    .createTable("deposits")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("amount", "integer", (c) => c.notNull())
    // The market's local date the money went into the bank.
    .addColumn("deposit_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    // Who verified or rejected it (never the recorder) and when.
    .addColumn("verified_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("verified_at", "text")
    .addColumn("rejection_reason", "text")
    .execute();
  await db.schema.createIndex("deposits_market_idx").on("deposits").columns(["market_id", "deposit_date"]).execute();
  await db.schema.createIndex("deposits_reference_idx").on("deposits").columns(["channel", "reference"]).execute();

  await db.schema
    .createTable("deposit_days")
    .addColumn("deposit_id", "integer", (c) => c.notNull().references("deposits.id"))
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("business_date", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("deposit_days_pk", ["deposit_id", "market_id", "business_date"])
    .execute();
  await db.schema.createIndex("deposit_days_day_idx").on("deposit_days").columns(["market_id", "business_date"]).execute();

  await db.schema
    .createTable("daily_market_collections")
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("business_date", "text", (c) => c.notNull())
    // Every ledger row, payments and reversals.
    .addColumn("entries_count", "integer", (c) => c.notNull())
    // Net integer rupiah (reversals subtract).
    .addColumn("total_amount", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("daily_market_collections_pk", ["market_id", "business_date"])
    .execute();
  await db.schema.createIndex("daily_market_collections_date_idx").on("daily_market_collections").column("business_date").execute();

  await db.schema
    .createTable("trader_coverage")
    .addColumn("trader_id", "integer", (c) => c.primaryKey().references("traders.id"))
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("paid_through", "text")
    .addColumn("months_behind", "integer", (c) => c.notNull())
    .addColumn("amount_owed", "integer", (c) => c.notNull())
    .addColumn("total_paid", "integer", (c) => c.notNull())
    .addColumn("credit", "integer", (c) => c.notNull())
    .addColumn("current_month", "text", (c) => c.notNull())
    .addColumn("current_premium", "integer", (c) => c.notNull())
    .addColumn("current_paid", "integer", (c) => c.notNull())
    .addColumn("last_paid_on", "text")
    // The market-local date the snapshot was computed for; a row from an earlier day may be stale.
    .addColumn("computed_on", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("trader_coverage_market_idx").on("trader_coverage").columns(["market_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "trader_coverage",
    "daily_market_collections",
    "deposit_days",
    "deposits",
    "collection_day_events",
    "collection_days",
    "collection_entries",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
