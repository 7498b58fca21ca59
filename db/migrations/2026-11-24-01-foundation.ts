import type { Kysely } from "kysely";

// Frozen in time: never import application code here.
// Portable DDL only (SQLite now, PostgreSQL later): integer money, ISO text dates, 0/1 booleans.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("regions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("office_name", "text", (c) => c.notNull())
    .addColumn("town", "text", (c) => c.notNull())
    .addColumn("lat", "real", (c) => c.notNull())
    .addColumn("lng", "real", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("branches")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("office_type", "text", (c) => c.notNull())
    .addColumn("town", "text", (c) => c.notNull())
    .addColumn("province_code", "text", (c) => c.notNull())
    .addColumn("regency_code", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("lat", "real", (c) => c.notNull())
    .addColumn("lng", "real", (c) => c.notNull())
    .addColumn("verification", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("branches_region_idx").on("branches").column("region_id").execute();

  await db.schema
    .createTable("markets")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("branch_id", "integer", (c) => c.notNull().references("branches.id"))
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("regency_name", "text", (c) => c.notNull())
    .addColumn("regency_code", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("lat", "real")
    .addColumn("lng", "real")
    .addColumn("coord_precision", "text", (c) => c.notNull())
    .addColumn("government_run", "integer", (c) => c.notNull())
    .addColumn("operator_type", "text", (c) => c.notNull())
    .addColumn("operator_name", "text")
    .addColumn("stall_estimate", "integer")
    .addColumn("trader_estimate", "integer")
    .addColumn("stage", "text", (c) => c.notNull().defaultTo("identified"))
    .addColumn("notes", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("markets_branch_idx").on("markets").column("branch_id").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("region_id", "integer", (c) => c.references("regions.id"))
    .addColumn("branch_id", "integer", (c) => c.references("branches.id"))
    .addColumn("market_id", "integer", (c) => c.references("markets.id"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("last_login_at", "text")
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("token_hint", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_attempts_email_idx")
    .on("login_attempts")
    .columns(["email", "attempted_at"])
    .execute();
  await db.schema
    .createIndex("login_attempts_ip_idx")
    .on("login_attempts")
    .columns(["ip", "attempted_at"])
    .execute();

}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["login_attempts", "api_tokens", "sessions", "users", "markets", "branches", "regions"]) {
    await db.schema.dropTable(table).execute();
  }
}
