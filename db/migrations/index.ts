import type { Migration } from "kysely";
import * as foundation from "./2026-11-24-01-foundation";
import * as marketsPipelineVisits from "./2026-11-24-02-markets-pipeline-visits";
import * as mous from "./2026-11-24-04-mous";
import * as importRuns from "./2026-11-24-03-import-runs";
import * as tradersPremiums from "./2026-11-24-05-traders-premiums";
import * as collections from "./2026-11-24-06-collections";
import * as boundaries from "./2026-11-24-07-boundaries";
import * as dashboardIndexes from "./2026-11-24-08-dashboard-indexes";
import * as collectionTraderIndex from "./2026-11-24-09-collection-trader-index";
import * as importRunTarget from "./2026-11-24-10-import-run-target";

// A static list keeps the bundled server and the tests independent of file paths.
// Names sort in the order they must run; never rename or edit one that has shipped.
export const migrations: Record<string, Migration> = {
  "2026-11-24-01-foundation": foundation,
  "2026-11-24-02-markets-pipeline-visits": marketsPipelineVisits,
  "2026-11-24-04-mous": mous,
  "2026-11-24-03-import-runs": importRuns,
  "2026-11-24-05-traders-premiums": tradersPremiums,
  "2026-11-24-06-collections": collections,
  "2026-11-24-07-boundaries": boundaries,
  "2026-11-24-08-dashboard-indexes": dashboardIndexes,
  "2026-11-24-09-collection-trader-index": collectionTraderIndex,
  "2026-11-24-10-import-run-target": importRunTarget,
};
