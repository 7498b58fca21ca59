import { openDatabase, migrateToLatest } from "../connection";
import { isDatabaseEmpty, seedDemo } from "./demo";

// Seeds the demo data only into an empty database, so running the demo command twice is safe.
const db = openDatabase();
const { error } = await migrateToLatest(db);
if (error) {
  console.error("migration failed:", error);
  process.exit(1);
}
if (await isDatabaseEmpty(db)) {
  const started = Date.now();
  await seedDemo(db);
  console.log(`demo data created in ${Date.now() - started} ms`);
} else {
  console.log("database already has data: demo seed skipped");
}
await db.destroy();
