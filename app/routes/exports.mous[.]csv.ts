import { datasetExportLoader } from "../utils/export-loader.server";

/** MoUs in the caller's area (?branch=ID, ?market=ID narrow it) as CSV, streamed. */
export const loader = datasetExportLoader("mous", "csv");
