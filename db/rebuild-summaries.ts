import { openDatabase, migrateToLatest } from "./connection";
import { rebuildSummaries } from "../app/models/summaries.server";

// `npm run summaries:rebuild`: recomputes the summary tables the dashboards read (collections per market per day,
// each trader's coverage) from the ledger, in one transaction. For after a repair or a bulk import; day to day the
// collections model keeps them current in the same transaction as each write.
const db = openDatabase();
const migrated = await migrateToLatest(db);
if (migrated.error) throw migrated.error;
const started = Date.now();
const written = await rebuildSummaries(db);
console.log(`rebuilt ${written.dailyMarketCollections} market-days and ${written.traderCoverage} trader coverage rows in ${Date.now() - started} ms`);
await db.destroy();
