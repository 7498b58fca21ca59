import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { attachment } from "../utils/download.server";
import { marketCsvTemplate } from "../models/market-import.server";
import { MARKET_IMPORT_ROLES } from "../domain/import/market-rows";

/** The market import's CSV template: the header row, nothing else. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: MARKET_IMPORT_ROLES });
  return attachment(marketCsvTemplate());
}
