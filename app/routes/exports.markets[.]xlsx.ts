import { datasetExportLoader } from "../utils/export-loader.server";

/** Markets in the caller's area (?branch=ID, ?market=ID narrow it) as an Excel workbook, streamed. */
export const loader = datasetExportLoader("markets", "xlsx");
