import { datasetExportLoader } from "../utils/export-loader.server";

/** Bank deposits (?from=&to= on the deposit date) in the caller's area (?branch=ID, ?market=ID narrow it) as an Excel workbook, streamed. */
export const loader = datasetExportLoader("deposits", "xlsx");
