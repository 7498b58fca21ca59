import type { Migration } from "kysely";
import * as foundation from "./2026-11-24-01-foundation";

// A static list keeps the bundled server and the tests independent of file paths.
// Names sort in the order they must run; never rename or edit one that has shipped.
export const migrations: Record<string, Migration> = {
  "2026-11-24-01-foundation": foundation,
};
