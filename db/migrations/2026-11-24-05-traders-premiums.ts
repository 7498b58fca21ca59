import type { Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// Effective-dated premium rates and discounts, the allowed declared incomes ("nominal"), sponsor and
// regional-budget programmes, market traders and the history of changes to a trader.
// The seed rows copy the rates known when this migration was written (PP 44/2015 base rates, the PP 50/2025
// discount); later rate changes are new rows added by an admin, never edits of these.

const SEEDED_AT = "2026-11-24T00:00:00.000Z";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_periods")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text")
    .addColumn("jkk_basis_points", "integer", (c) => c.notNull())
    .addColumn("jkm_flat", "integer", (c) => c.notNull())
    .addColumn("jht_basis_points", "integer", (c) => c.notNull())
    .addColumn("minimum_nominal", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("discount_periods")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text")
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("jkk_percent_off", "integer", (c) => c.notNull())
    .addColumn("jkm_percent_off", "integer", (c) => c.notNull())
    .addColumn("jht_percent_off", "integer", (c) => c.notNull())
    // Comma-separated lists ("non_transport", "mandiri,sponsor"): a handful of values, read whole.
    .addColumn("sectors", "text", (c) => c.notNull())
    .addColumn("payer_types", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("allowed_nominals")
    .addColumn("nominal", "integer", (c) => c.primaryKey())
    .execute();

  await db
    .insertInto("rate_periods")
    .values({
      valid_from: "2015-07",
      valid_to: null,
      jkk_basis_points: 100,
      jkm_flat: 6800,
      jht_basis_points: 200,
      minimum_nominal: 1_000_000,
      label: "Tarif BPU (PP 44/2015)",
      created_by_user_id: null,
      created_at: SEEDED_AT,
    })
    .execute();
  const halfJkkJkm = { jkk_percent_off: 50, jkm_percent_off: 50, jht_percent_off: 0, payer_types: "mandiri,sponsor" };
  await db
    .insertInto("discount_periods")
    .values([
      { ...halfJkkJkm, valid_from: "2026-04", valid_to: "2026-12", label: "PP 50/2025", sectors: "non_transport", created_by_user_id: null, created_at: SEEDED_AT },
      { ...halfJkkJkm, valid_from: "2026-01", valid_to: "2027-03", label: "PP 50/2025 (transportasi)", sectors: "transport", created_by_user_id: null, created_at: SEEDED_AT },
    ])
    .execute();
  // Rp1,000,000 to Rp20,700,000 in Rp100,000 steps (JKK Rp10,000 to Rp207,000 at 1%).
  await db
    .insertInto("allowed_nominals")
    .values(Array.from({ length: 198 }, (_, index) => ({ nominal: 1_000_000 + index * 100_000 })))
    .execute();

  await db.schema
    .createTable("sponsor_programmes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("branch_id", "integer", (c) => c.notNull().references("branches.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("payer_type", "text", (c) => c.notNull())
    .addColumn("sponsor_name", "text", (c) => c.notNull())
    .addColumn("budget", "integer", (c) => c.notNull())
    .addColumn("months_covered", "integer", (c) => c.notNull())
    .addColumn("start_month", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sponsor_programmes_branch_idx").on("sponsor_programmes").column("branch_id").execute();

  await db.schema
    .createTable("traders")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("nik", "text", (c) => c.notNull().unique())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("sex", "text", (c) => c.notNull())
    .addColumn("birth_date", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("whatsapp", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("stall", "text")
    .addColumn("commodity", "text", (c) => c.notNull())
    .addColumn("nominal", "integer", (c) => c.notNull())
    .addColumn("jht", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("payer_type", "text", (c) => c.notNull())
    .addColumn("sponsor_programme_id", "integer", (c) => c.references("sponsor_programmes.id"))
    .addColumn("kpj", "text", (c) => c.unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("lat", "real")
    .addColumn("lng", "real")
    .addColumn("enrolled_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("enrolled_at", "text", (c) => c.notNull())
    .addColumn("coverage_start_month", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("traders_market_idx").on("traders").columns(["market_id", "full_name"]).execute();
  await db.schema.createIndex("traders_programme_idx").on("traders").column("sponsor_programme_id").execute();

  await db.schema
    .createTable("trader_changes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("trader_id", "integer", (c) => c.notNull().references("traders.id"))
    // JSON object: field → [old, new].
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("changed_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("trader_changes_trader_idx").on("trader_changes").column("trader_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["trader_changes", "traders", "sponsor_programmes", "allowed_nominals", "discount_periods", "rate_periods"]) {
    await db.schema.dropTable(table).execute();
  }
}
