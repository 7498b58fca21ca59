import type { Migration } from "kysely";
import * as foundation from "./2026-11-24-01-foundation";
import * as marketsPipelineVisits from "./2026-11-24-02-markets-pipeline-visits";

// A static list keeps the bundled server and the tests independent of file paths.
// Names sort in the order they must run; never rename or edit one that has shipped.
export const migrations: Record<string, Migration> = {
  "2026-11-24-01-foundation": foundation,
  "2026-11-24-02-markets-pipeline-visits": marketsPipelineVisits,
};
