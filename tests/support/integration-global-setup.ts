import fs from "node:fs";
import { openDatabase, migrateToLatest } from "../../db/connection";
import { buildTestWorld } from "./fixtures";
import { TEMPLATE_DB, TMP_DIR } from "./paths";

// Migrate and seed once; every test file then starts from its own copy of this file.
export default async function setup() {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(TEMPLATE_DB + suffix, { force: true });
  const db = openDatabase(`file:${TEMPLATE_DB}`);
  const { error } = await migrateToLatest(db);
  if (error) throw error;
  await buildTestWorld(db);
  await db.destroy();
}
