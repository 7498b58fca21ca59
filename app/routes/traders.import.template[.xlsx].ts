import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { attachment } from "../utils/download.server";
import { localeFromRequest } from "../utils/locale.server";
import { traderXlsxTemplate } from "../models/trader-import.server";
import { TRADER_IMPORT_ROLES } from "../domain/import/trader-rows";
import { translate } from "../i18n";

/** The trader import's XLSX template: the columns (NIK and KPJ as text), a guide in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: TRADER_IMPORT_ROLES });
  const locale = await localeFromRequest(request);
  return attachment(await traderXlsxTemplate((key) => translate(locale, key)));
}
