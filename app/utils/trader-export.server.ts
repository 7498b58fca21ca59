import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportSelectionOf, type ExportKind } from "../domain/trader-export";
import { exportTraders } from "../models/trader-exports.server";
import { notFound, requireUser } from "./auth.server";
import { getDb } from "./db.server";

// The loaders of the three export URLs (/traders/export.csv, .xlsx, /traders/export-collective.csv): the same
// steps with a different file, so each route module is one line.

const EXPORT_ROLES = ["admin", "regional_head", "branch_staff", "market_collector"] as const;

export function traderExportLoader(kind: ExportKind, format: "csv" | "xlsx") {
  return async function loader({ request }: LoaderFunctionArgs) {
    const user = await requireUser(request, { roles: [...EXPORT_ROLES] });
    const file = await exportTraders(getDb(), user.scope, kind, format, exportSelectionOf(new URL(request.url).searchParams));
    if (!file) throw notFound(request);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  };
}
