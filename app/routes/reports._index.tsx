import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { listBranchChoices } from "../models/markets.server";
import { businessDate } from "../domain/business-day";
import { DATASETS, exportFilterOf, monthlyReportRequest, type Dataset } from "../domain/data-export";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Laporan dan ekspor · Pasar Terlindungi" }];

const COLLECTOR_DATASETS: Dataset[] = ["traders", "collections", "deposits"];

/** The monthly report and the data exports, with one filter (branch, month, date range) for every link. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const report = monthlyReportRequest(params, user.scope, businessDate(new Date(), "Asia/Makassar"));
  const filter = exportFilterOf(params);
  const isCollector = user.scope.level === "market";
  const branches = user.scope.level === "region" || user.scope.level === "all" ? await listBranchChoices(getDb(), user.scope) : [];
  return json({
    month: report.month,
    branchId: filter.branchId ?? null,
    from: filter.from ?? "",
    to: filter.to ?? "",
    branches: branches.map((branch) => ({ id: branch.id, label: `${branch.code} ${branch.name}` })),
    datasets: isCollector ? COLLECTOR_DATASETS : [...DATASETS],
    withMonthly: !isCollector,
  });
}

export default function Reports() {
  const { t } = useI18n();
  const data = useLoaderData<typeof loader>();
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (data.branchId != null) params.set("branch", String(data.branchId));
    for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
    return params.size ? `?${params}` : "";
  };
  return (
    <>
      <h1>{t("dashboard.reports.title")}</h1>
      <Form method="get" className="filters card">
        {data.branches.length > 0 ? (
          <label>
            {t("dashboard.reports.branch")}
            <select name="branch" defaultValue={data.branchId ?? ""}>
              <option value="">{t("dashboard.reports.wholeArea")}</option>
              {data.branches.map((branch) => (
                <option key={branch.id} value={branch.id}>
                  {branch.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {data.withMonthly ? (
          <label>
            {t("dashboard.reports.month")}
            <input type="month" name="month" defaultValue={data.month} />
          </label>
        ) : null}
        <label>
          {t("dashboard.reports.from")}
          <input type="date" name="from" defaultValue={data.from} />
        </label>
        <label>
          {t("dashboard.reports.to")}
          <input type="date" name="to" defaultValue={data.to} />
        </label>
        <button type="submit">{t("dashboard.reports.apply")}</button>
        <p className="hint">{t("dashboard.reports.rangeHint")}</p>
      </Form>
      {data.withMonthly ? (
        <section className="card" aria-labelledby="monthly">
          <h2 id="monthly">{t("dashboard.reports.monthly")}</h2>
          <p className="muted">{t("dashboard.reports.monthlyIntro")}</p>
          <ul className="link-row">
            <li>
              <a href={`/reports/monthly.pdf${query({ month: data.month })}`} download>
                {t("dashboard.reports.pdf")}
              </a>
            </li>
            <li>
              <a href={`/reports/monthly.xlsx${query({ month: data.month })}`} download>
                {t("dashboard.reports.xlsx")}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="exports">
        <h2 id="exports">{t("dashboard.reports.exports")}</h2>
        <p className="muted">{t("dashboard.reports.exportsIntro")}</p>
        <ul className="plain-list export-list">
          {data.datasets.map((dataset) => (
            <li key={dataset}>
              <span>{t(`dashboard.dataset.${dataset}`)}</span>
              <a href={`/exports/${dataset}.csv${query({ from: data.from, to: data.to })}`} download>
                {t("dashboard.reports.csv")}
              </a>
              <a href={`/exports/${dataset}.xlsx${query({ from: data.from, to: data.to })}`} download>
                {t("dashboard.reports.excel")}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
