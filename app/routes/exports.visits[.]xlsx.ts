import { datasetExportLoader } from "../utils/export-loader.server";

/** Visits (?from=&to= on the planned date) in the caller's area (?branch=ID, ?market=ID narrow it) as an Excel workbook, streamed. */
export const loader = datasetExportLoader("visits", "xlsx");
