import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { attachment } from "../utils/download.server";
import { localeFromRequest } from "../utils/locale.server";
import { marketXlsxTemplate } from "../models/market-import.server";
import { MARKET_IMPORT_ROLES } from "../domain/import/market-rows";
import { translate } from "../i18n";

/** The market import's XLSX template: the columns on the first sheet, a guide in the reader's language on the second. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: MARKET_IMPORT_ROLES });
  const locale = await localeFromRequest(request);
  return attachment(await marketXlsxTemplate((key) => translate(locale, key)));
}
