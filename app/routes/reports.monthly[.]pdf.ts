import { monthlyReportLoader } from "../utils/export-loader.server";

/** The monthly report (?month=YYYY-MM, ?branch=ID; default this month and the caller's area) as a PDF. */
export const loader = monthlyReportLoader("pdf");
