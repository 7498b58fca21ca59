import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadTraderList } from "../models/traders.server";
import { TRADER_STATUSES, traderFiltersOf } from "../domain/trader-form";
import { PAYER_TYPES } from "../domain/premium";
import { Pagination } from "../components/pagination";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Pedagang · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff", "market_collector"] });
  const list = await loadTraderList(getDb(), user.scope, traderFiltersOf(new URL(request.url).searchParams));
  if (!list) throw notFound(request);
  return json({ ...list, canManageProgrammes: user.role !== "market_collector" });
}

function EmptyState({ filtered, addHref, resetHref }: { filtered: boolean; addHref: string; resetHref: string }) {
  const { t } = useI18n();
  return (
    <div className="empty">
      <p>{t(filtered ? "traders.emptyFiltered" : "traders.emptyScope")}</p>
      {filtered ? <p><Link to={resetHref}>{t("traders.emptyResetHint")}</Link></p> : <p>{t("traders.emptyAddHint")}</p>}
      <Link className="button primary" to={addHref}>{t("traders.add")}</Link>
    </div>
  );
}

/** CSV, XLSX and the BPJS collective-registration file for what the page shows (a market, else everything). */
function Exports({ marketId }: { marketId: number | null }) {
  const { t } = useI18n();
  const query = marketId ? `?market=${marketId}` : "";
  return (
    <p className="actions-row exports">
      <span>{t("traders.exports")}:</span>
      <a href={`/traders/export.csv${query}`} download>{t("traders.exportCsv")}</a>
      <a href={`/traders/export.xlsx${query}`} download>{t("traders.exportXlsx")}</a>
      <a href={`/traders/export-collective.csv${query}`} download>{t("traders.exportCollective")}</a>
    </p>
  );
}

export default function Traders() {
  const { t, integer, rupiah } = useI18n();
  const { traders, markets, market, canManageProgrammes } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const filtered = ["q", "status", "payer"].some((name) => params.get(name));
  const addHref = market ? `/traders/new?market=${market.id}` : "/traders/new";
  return (
    <>
      <div className="page-heading">
        <h1>{market ? t("traders.titleOf", { market: market.name }) : t("traders.title")}</h1>
        <div className="actions-row">
          {canManageProgrammes ? <Link to="/programmes">{t("programmes.title")}</Link> : null}
          <Link className="button" to={market ? `/traders/import?market=${market.id}` : "/traders/import"}>{t("traders.import")}</Link>
          <Link className="button primary" to={addHref}>{t("traders.add")}</Link>
        </div>
      </div>
      <Form method="get" className="filters" role="search">
        {markets.length > 1 ? (
          <label>
            {t("traders.market")}
            <select name="market" defaultValue={market?.id ?? ""}>
              <option value="">{t("traders.allMarkets")}</option>
              {markets.map((m) => <option key={m.id} value={m.id}>{`${m.name} · ${m.branch_code}`}</option>)}
            </select>
          </label>
        ) : market ? (
          <input type="hidden" name="market" value={market.id} />
        ) : null}
        <label>
          <span className="visually-hidden">{t("traders.searchPlaceholder")}</span>
          <input type="search" name="q" defaultValue={params.get("q") ?? ""} placeholder={t("traders.searchPlaceholder")} />
        </label>
        <label>
          {t("traders.status")}
          <select name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">{t("common.all")}</option>
            {TRADER_STATUSES.map((s) => <option key={s} value={s}>{t(`traders.status.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t("traders.payerType")}
          <select name="payer" defaultValue={params.get("payer") ?? ""}>
            <option value="">{t("common.all")}</option>
            {PAYER_TYPES.map((p) => <option key={p} value={p}>{t(`payer.${p}`)}</option>)}
          </select>
        </label>
        <button type="submit">{t("common.search")}</button>
      </Form>
      <p className="muted" aria-live="polite">{t("traders.count", { count: integer(traders.total) })}</p>
      {traders.rows.length === 0 ? (
        <EmptyState filtered={filtered} addHref={addHref} resetHref={market ? `/traders?market=${market.id}` : "/traders"} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("traders.fullName")}</th>
                <th scope="col">{t("traders.nik")}</th>
                <th scope="col">{t("traders.stall")}</th>
                {market ? null : <th scope="col">{t("traders.market")}</th>}
                <th scope="col">{t("traders.status")}</th>
                <th scope="col">{t("traders.payerType")}</th>
                <th scope="col" className="num">{t("traders.monthPremium")}</th>
              </tr>
            </thead>
            <tbody>
              {traders.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row"><Link to={`/traders/${row.id}`}>{row.full_name}</Link></th>
                  <td>{row.nik}</td>
                  <td>{row.stall ?? t("common.none")}</td>
                  {market ? null : <td>{row.market_name}</td>}
                  <td><span className={`badge trader-${row.status}`}>{t(`traders.status.${row.status}`)}</span></td>
                  <td>{t(`payerShort.${row.payer_type}`)}</td>
                  <td className="num">{row.monthPremium == null ? t("common.none") : rupiah(row.monthPremium)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={traders.page} pageCount={traders.pageCount} />
      <Exports marketId={market?.id ?? null} />
    </>
  );
}
