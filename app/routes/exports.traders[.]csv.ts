import { datasetExportLoader } from "../utils/export-loader.server";

/** Traders in the caller's area (?branch=ID, ?market=ID narrow it) as CSV, streamed. */
export const loader = datasetExportLoader("traders", "csv");
