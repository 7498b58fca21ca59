import { openDatabase, migrateToLatest } from "./connection";
import { refreshAllCoverage } from "../app/models/coverage-refresh.server";

// `npm run coverage:refresh`: recomputes every trader's coverage status for today (run daily).
const db = openDatabase();
const { error } = await migrateToLatest(db);
if (error) {
  console.error("migration failed:", error);
  process.exit(1);
}
const started = Date.now();
const written = await db.transaction().execute((trx) => refreshAllCoverage(trx));
console.log(`coverage refreshed for ${written} traders in ${Date.now() - started} ms`);
await db.destroy();
