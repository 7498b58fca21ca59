import { datasetExportLoader } from "../utils/export-loader.server";

/** Collection ledger entries (?from=&to=, default this month) in the caller's area (?branch=ID, ?market=ID narrow it) as CSV, streamed. */
export const loader = datasetExportLoader("collections", "csv");
