import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { attachment } from "../utils/download.server";
import { exportArrearsCsv } from "../models/arrears.server";

/** A market's whole arrears list (?market=ID) as CSV, for follow-up calls. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const marketId = Number(new URL(request.url).searchParams.get("market"));
  const file = Number.isSafeInteger(marketId) && marketId > 0 ? await exportArrearsCsv(getDb(), user.scope, marketId) : null;
  if (!file) throw notFound(request);
  return attachment(file);
}
