import type { Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// MoUs with market managers: the record, its named collectors, every status transition.
// `status` stores the lifecycle people move (draft → awaiting_signature → signed, or terminated);
// "in force" and "expired" follow from the dates and are computed, never stored.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mous")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("number_year", "integer", (c) => c.notNull())
    .addColumn("number_sequence", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("previous_mou_id", "integer", (c) => c.references("mous.id"))
    .addColumn("counterparty_type", "text", (c) => c.notNull())
    .addColumn("counterparty_name", "text", (c) => c.notNull())
    .addColumn("counterparty_signatory_name", "text")
    .addColumn("counterparty_signatory_title", "text")
    .addColumn("branch_signatory_name", "text")
    .addColumn("branch_signatory_title", "text")
    .addColumn("drafted_on", "text", (c) => c.notNull())
    .addColumn("signed_on", "text")
    .addColumn("in_force_from", "text")
    .addColumn("expires_on", "text")
    .addColumn("collection_frequency", "text", (c) => c.notNull())
    .addColumn("deposit_schedule", "text", (c) => c.notNull())
    .addColumn("collector_fee_basis_points", "integer", (c) => c.notNull())
    .addColumn("target_traders", "integer")
    .addColumn("special_terms", "text")
    .addColumn("terminated_on", "text")
    .addColumn("termination_reason", "text")
    .addColumn("scan_path", "text")
    .addColumn("scan_sha256", "text")
    .addColumn("scan_mime", "text")
    .addColumn("scan_size", "integer")
    .addColumn("scan_uploaded_at", "text")
    .addColumn("scan_uploaded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mous_market_idx").on("mous").columns(["market_id", "status"]).execute();

  await db.schema
    .createTable("mou_collectors")
    .addColumn("mou_id", "integer", (c) => c.notNull().references("mous.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("mou_collectors_pk", ["mou_id", "user_id"])
    .execute();

  await db.schema
    .createTable("mou_transitions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("mou_id", "integer", (c) => c.notNull().references("mous.id").onDelete("cascade"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("changed_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mou_transitions_mou_idx").on("mou_transitions").column("mou_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["mou_transitions", "mou_collectors", "mous"]) await db.schema.dropTable(table).execute();
}
