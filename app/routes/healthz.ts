import { json } from "@remix-run/node";
import { sql } from "kysely";
import { getDb } from "../utils/db.server";

// Public liveness and database check for load balancers and the CI smoke test.
export async function loader() {
  try {
    await sql`select 1`.execute(getDb());
    return json({ status: "ok", database: "ok" });
  } catch {
    return json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
