import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { TEMPLATE_DB, TMP_DIR } from "./paths";

// Each test file gets a fresh copy of the migrated, seeded template database.
const file = path.join(TMP_DIR, `test-${randomUUID()}.sqlite`);
fs.copyFileSync(TEMPLATE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRETS = "test-secret-new,test-secret-old";
const uploads = path.join(TMP_DIR, `uploads-${randomUUID()}`);
process.env.UPLOAD_DIR = uploads;
const holder = globalThis as { __pasarDb?: { destroy(): Promise<void> } };
delete holder.__pasarDb;

afterAll(async () => {
  await holder.__pasarDb?.destroy();
  delete holder.__pasarDb;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(uploads, { recursive: true, force: true });
});
