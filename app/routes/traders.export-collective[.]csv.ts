import { traderExportLoader } from "../utils/trader-export.server";

/** Registered traders in the columns BPJS's collective registration asks for (NIK, name, birth date, …). */
export const loader = traderExportLoader("collective", "csv");
