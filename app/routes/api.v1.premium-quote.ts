import { json } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonError, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { quoteDeclaration, rateMonthNow } from "../models/rates.server";
import { translate } from "../i18n";

/**
 * `?nominal=1000000&jht=1&month=2026-11&payer=mandiri` → `{ month, nominal, jkk, jkm, jht, total, ratePeriod, discount }`
 * for a market trader. `month` defaults to the current month, `payer` to mandiri, `jht` to 0.
 * Bad input answers 400 with the message key as `code` and an English `message`.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = new URL(request.url).searchParams;
  const result = await quoteDeclaration(getDb(), {
    nominal: Number(params.get("nominal") ?? Number.NaN),
    jht: ["1", "true", "ya", "yes"].includes((params.get("jht") ?? "").toLowerCase()),
    month: params.get("month") ?? rateMonthNow(),
    payer: params.get("payer") ?? "mandiri",
  });
  if ("error" in result) return jsonError(400, result.error, translate("en", result.error));
  return json(result.quote);
}
