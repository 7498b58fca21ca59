import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadMarketList, type MarketFilters } from "../models/markets.server";
import { ALL_STAGES, isMarketStage } from "../domain/pipeline";
import { StageBadge } from "../components/badges";
import { Pagination } from "../components/pagination";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Pasar · Pasar Terlindungi" }];

function filtersFrom(params: URLSearchParams): MarketFilters {
  const stage = params.get("stage");
  const gov = params.get("gov");
  const branch = Number(params.get("branch"));
  return {
    q: params.get("q") ?? undefined,
    stage: isMarketStage(stage) ? stage : undefined,
    governmentRun: gov === "1" ? true : gov === "0" ? false : undefined,
    regencyCode: params.get("regency") || undefined,
    branchId: Number.isInteger(branch) && branch > 0 ? branch : undefined,
    page: Number(params.get("page")) || 1,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff"] });
  return json(await loadMarketList(getDb(), user.scope, filtersFrom(new URL(request.url).searchParams)));
}

/** Two empty states: nothing registered yet in the area, or nothing matching the filters. */
function EmptyState({ filtered }: { filtered: boolean }) {
  const { t } = useI18n();
  return (
    <div className="empty">
      <p>{t(filtered ? "markets.emptyFiltered" : "markets.emptyScope")}</p>
      {filtered ? <p><Link to="/markets">{t("markets.emptyResetHint")}</Link></p> : null}
      <p>{t("markets.emptyAddHint")}</p>
      <Link className="button primary" to="/markets/new">{t("markets.add")}</Link>
    </div>
  );
}

export default function Markets() {
  const { t, integer } = useI18n();
  const { markets, regencies, branches } = useLoaderData<typeof loader>() as Awaited<ReturnType<typeof loadMarketList>>;
  const [params] = useSearchParams();
  const filtered = ["q", "stage", "gov", "regency", "branch"].some((name) => params.get(name));
  return (
    <>
      <div className="page-heading">
        <h1>{t("markets.title")}</h1>
        <span className="actions-row">
          <Link className="button" to="/markets/import">{t("imports.markets.title")}</Link>
          <Link className="button primary" to="/markets/new">{t("markets.add")}</Link>
        </span>
      </div>
      <Form method="get" className="filters" role="search">
        <label>
          <span className="visually-hidden">{t("markets.searchPlaceholder")}</span>
          <input type="search" name="q" defaultValue={params.get("q") ?? ""} placeholder={t("markets.searchPlaceholder")} />
        </label>
        <label>
          {t("markets.stage")}
          <select name="stage" defaultValue={params.get("stage") ?? ""}>
            <option value="">{t("common.all")}</option>
            {ALL_STAGES.map((stage) => (
              <option key={stage} value={stage}>{t(`stage.${stage}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("markets.governmentRun")}
          <select name="gov" defaultValue={params.get("gov") ?? ""}>
            <option value="">{t("common.all")}</option>
            <option value="1">{t("common.yes")}</option>
            <option value="0">{t("common.no")}</option>
          </select>
        </label>
        <label>
          {t("markets.regency")}
          <select name="regency" defaultValue={params.get("regency") ?? ""}>
            <option value="">{t("common.all")}</option>
            {regencies.map((regency) => (
              <option key={regency.regency_code} value={regency.regency_code}>{regency.regency_name}</option>
            ))}
          </select>
        </label>
        {branches.length > 0 ? (
          <label>
            {t("markets.branch")}
            <select name="branch" defaultValue={params.get("branch") ?? ""}>
              <option value="">{t("common.all")}</option>
              {branches.map((branch) => (
                <option key={branch.id} value={branch.id}>{`${branch.code} · ${branch.name}`}</option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit">{t("common.search")}</button>
        <Link to="/markets">{t("common.reset")}</Link>
      </Form>
      <p className="muted" aria-live="polite">{t("markets.count", { count: integer(markets.total) })}</p>
      {markets.rows.length === 0 ? (
        <EmptyState filtered={filtered} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("markets.name")}</th>
                <th scope="col">{t("markets.branch")}</th>
                <th scope="col">{t("markets.regency")}</th>
                <th scope="col">{t("markets.stage")}</th>
                <th scope="col">{t("markets.governmentRun")}</th>
                <th scope="col" className="num">{t("markets.traders")}</th>
              </tr>
            </thead>
            <tbody>
              {markets.rows.map((market) => (
                <tr key={market.id}>
                  <th scope="row"><Link to={`/markets/${market.id}`}>{market.name}</Link></th>
                  <td>{market.branch_code}</td>
                  <td>{market.regency_name}</td>
                  <td><StageBadge stage={market.stage} /></td>
                  <td>{market.government_run ? t("common.yes") : t("common.no")}</td>
                  <td className="num">{market.trader_estimate == null ? t("common.none") : integer(market.trader_estimate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={markets.page} pageCount={markets.pageCount} />
    </>
  );
}
