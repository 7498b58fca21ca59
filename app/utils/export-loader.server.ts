import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { businessDate } from "../domain/business-day";
import { downloadFileName, exportFilterOf, monthlyReportRequest, type Dataset, type ExportFormat } from "../domain/data-export";
import { exportDataset, streamedAttachment } from "../models/exports.server";
import { loadMonthlyReport } from "../models/dashboard.server";
import { renderReportPdf, renderReportXlsx } from "./monthly-report.server";
import { attachment } from "./download.server";
import { notFound, requireUser } from "./auth.server";
import { getDb } from "./db.server";

// The loaders of the download URLs (/exports/<dataset>.<format>, /reports/monthly.<format>): the same steps for
// each file, so each route module is one line.

const STAFF: Role[] = ["admin", "regional_head", "branch_staff"];
const EVERYONE: Role[] = [...STAFF, "market_collector"];

/** Collectors export what their market holds (its traders, collections and deposits); the outreach records are staff's. */
const ROLES: Record<Dataset, Role[]> = {
  markets: STAFF,
  mous: STAFF,
  visits: STAFF,
  traders: EVERYONE,
  collections: EVERYONE,
  deposits: EVERYONE,
};

export function datasetExportLoader(dataset: Dataset, format: ExportFormat) {
  return async function loader({ request }: LoaderFunctionArgs) {
    const user = await requireUser(request, { roles: ROLES[dataset] });
    const file = await exportDataset(getDb(), user.scope, dataset, format, exportFilterOf(new URL(request.url).searchParams));
    if (!file) throw notFound(request);
    return streamedAttachment(file);
  };
}

/** The loader of /reports/monthly.pdf and .xlsx (`?month=YYYY-MM&branch=ID`). */
export function monthlyReportLoader(format: "pdf" | "xlsx") {
  return async function loader({ request }: LoaderFunctionArgs) {
    const user = await requireUser(request, { roles: STAFF });
    const now = new Date();
    const { month, branchId } = monthlyReportRequest(new URL(request.url).searchParams, user.scope, businessDate(now, "Asia/Makassar"));
    const report = await loadMonthlyReport(getDb(), user.scope, { month, branchId, now });
    if (!report) throw notFound(request);
    const body = format === "pdf" ? new Uint8Array(await renderReportPdf(report)) : await renderReportXlsx(report);
    return attachment({
      fileName: downloadFileName("laporan-bulanan", [report.place ?? "wilayah", month], format),
      contentType: format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body,
    });
  };
}
