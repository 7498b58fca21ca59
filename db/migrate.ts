import { openDatabase, migrateToLatest } from "./connection";

const db = openDatabase();
const { error, results } = await migrateToLatest(db);
for (const result of results ?? []) {
  console.log(`${result.status === "Success" ? "applied" : "FAILED"}: ${result.migrationName}`);
}
if (!results?.length && !error) console.log("database is up to date");
await db.destroy();
if (error) {
  console.error("migration failed:", error);
  process.exit(1);
}
