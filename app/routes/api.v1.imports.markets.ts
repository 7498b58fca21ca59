import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { importApiAction } from "../utils/import-actions.server";
import { marketImport } from "../models/market-import.server";
import { MARKET_IMPORT_ROLES } from "../domain/import/market-rows";

// POST a CSV body (or an XLSX workbook): a dry run by default, `?commit=1` writes every valid row in
// one transaction. Same scope rules and row decisions as the /markets/import page.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: MARKET_IMPORT_ROLES });
  return importApiAction(request, user, marketImport);
}
