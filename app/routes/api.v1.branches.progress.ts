import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listBranchProgress } from "../models/progress.server";
import { requestedYear } from "../domain/target-form";

/** Per branch in scope: target, government-run markets with an MoU in force, markets per stage. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff"] });
  const now = new Date();
  const year = requestedYear(new URL(request.url).searchParams.get("year"), now);
  const rows = await listBranchProgress(getDb(), user.scope, { year, now });
  return json({
    year,
    branches: rows.map((row) => ({
      code: row.code,
      name: row.name,
      target: row.target,
      marketsWithMouInForce: row.governmentMarketsWithMou,
      status: row.light,
      marketsPerStage: row.marketsByStage,
    })),
  });
}
