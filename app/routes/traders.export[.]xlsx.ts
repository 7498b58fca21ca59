import { traderExportLoader } from "../utils/trader-export.server";

/** Traders of a market (?market=ID), a branch (?branch=ID) or the caller's whole area as an Excel workbook. */
export const loader = traderExportLoader("traders", "xlsx");
