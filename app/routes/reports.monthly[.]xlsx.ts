import { monthlyReportLoader } from "../utils/export-loader.server";

/** The monthly report (?month=YYYY-MM, ?branch=ID; default this month and the caller's area) as a Excel workbook. */
export const loader = monthlyReportLoader("xlsx");
