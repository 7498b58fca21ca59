import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here. Portable DDL only.
// Market contacts and pin provenance, stage history, branch targets, visits and who goes on them.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("markets").addColumn("location_verified_via", "text").execute();
  await db.schema.alterTable("markets").addColumn("location_verified_by_user_id", "integer", (c) => c.references("users.id")).execute();
  await db.schema.alterTable("markets").addColumn("location_verified_at", "text").execute();

  await db.schema
    .createTable("market_contacts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text")
    .addColumn("phone", "text")
    .addColumn("whatsapp", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("market_contacts_market_idx").on("market_contacts").column("market_id").execute();

  await db.schema
    .createTable("market_stage_changes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id").onDelete("cascade"))
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("visit_id", "integer")
    .addColumn("changed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("market_stage_changes_market_idx")
    .on("market_stage_changes")
    .columns(["market_id", "changed_at"])
    .execute();

  await db.schema
    .createTable("branch_targets")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("branch_id", "integer", (c) => c.notNull().references("branches.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("markets_with_mou", "integer", (c) => c.notNull())
    .addColumn("traders_enrolled", "integer")
    .addColumn("monthly_collections", "integer")
    .addColumn("set_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("branch_targets_branch_year_unique", ["branch_id", "year"])
    .execute();

  await db.schema
    .createTable("visits")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("market_id", "integer", (c) => c.notNull().references("markets.id"))
    .addColumn("planned_date", "text", (c) => c.notNull())
    .addColumn("planned_time", "text")
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("previous_visit_id", "integer", (c) => c.references("visits.id"))
    .addColumn("created_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("checked_in_at", "text")
    .addColumn("checked_in_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("check_in_lat", "real")
    .addColumn("check_in_lng", "real")
    .addColumn("check_in_accuracy_m", "real")
    .addColumn("check_in_distance_m", "real")
    .addColumn("outcome_recorded_at", "text")
    .addColumn("outcome_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("people_met", "text")
    .addColumn("traders_socialised", "integer")
    .addColumn("traders_enrolled", "integer")
    .addColumn("outcome_notes", "text")
    .addColumn("next_step", "text")
    .addColumn("cancel_reason", "text")
    .execute();
  await db.schema.createIndex("visits_market_idx").on("visits").columns(["market_id", "planned_date"]).execute();
  await db.schema.createIndex("visits_status_date_idx").on("visits").columns(["status", "planned_date"]).execute();

  await db.schema
    .createTable("visit_staff")
    .addColumn("visit_id", "integer", (c) => c.notNull().references("visits.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("visit_staff_pk", ["visit_id", "user_id"])
    .execute();
  await db.schema.createIndex("visit_staff_user_idx").on("visit_staff").column("user_id").execute();

  await db.schema
    .createTable("visit_changes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("visit_id", "integer", (c) => c.notNull().references("visits.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("from_date", "text")
    .addColumn("from_time", "text")
    .addColumn("to_date", "text")
    .addColumn("to_time", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("changed_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();

  // Seed history for markets that already exist, so every market's history starts somewhere.
  await sql`insert into market_stage_changes (market_id, from_stage, to_stage, reason, source, changed_at)
            select id, null, stage, null, 'initial', created_at from markets`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["visit_changes", "visit_staff", "visits", "branch_targets", "market_stage_changes", "market_contacts"]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ["location_verified_at", "location_verified_by_user_id", "location_verified_via"]) {
    await db.schema.alterTable("markets").dropColumn(column).execute();
  }
}
