import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { attachment } from "../utils/download.server";
import { traderCsvTemplate } from "../models/trader-import.server";
import { TRADER_IMPORT_ROLES } from "../domain/import/trader-rows";

/** The trader import's CSV template: the Indonesian header row, nothing else. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: TRADER_IMPORT_ROLES });
  return attachment(traderCsvTemplate());
}
