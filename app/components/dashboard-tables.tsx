import { Link } from "@remix-run/react";
import type { BranchRow, MarketRow } from "../models/dashboard.server";
import { sortLink, type BranchSort, type BranchSortKey } from "../domain/dashboard";
import { StageBadge } from "./badges";
import { BehindList, LightBadge } from "./dashboard-figures";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";

// The branch table (region) and the market table (branch). Sorting is a plain link (?sort=&dir=), so it works
// before the page's scripts load and the sorted view can be shared.

function SortHeader({ sort, column, label, numeric }: { sort: BranchSort; column: BranchSortKey; label: string; numeric?: boolean }) {
  const { t } = useI18n();
  const next = sortLink(sort, column);
  const active = sort.key === column;
  return (
    <th scope="col" className={numeric ? "num" : undefined} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={`?sort=${next.key}&dir=${next.dir}`} preventScrollReset title={t("dashboard.table.sortBy", { column: label })}>
        {label}
        {active ? <span aria-hidden="true">{sort.dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

export function BranchFiguresTable({ rows, sort }: { rows: BranchRow[]; sort: BranchSort }) {
  const { t, integer, rupiah, date } = useI18n();
  const header = (column: BranchSortKey, key: MessageKey, numeric = false) => <SortHeader sort={sort} column={column} label={t(key)} numeric={numeric} />;
  return (
    <section className="card" aria-labelledby="branch-figures">
      <h2 id="branch-figures">{t("dashboard.table.title")}</h2>
      <p className="small-text">
        <Link to="?sort=behind&dir=desc" preventScrollReset>
          {t("dashboard.table.mostBehind")}
        </Link>
      </p>
      <div className="table-wrap">
        <table className="dashboard-table">
          <thead>
            <tr>
              {header("code", "dashboard.table.branch")}
              {header("mou", "dashboard.table.mou")}
              {header("traders", "dashboard.table.traders", true)}
              {header("paying", "dashboard.table.paying", true)}
              {header("collections", "dashboard.table.collections", true)}
              {header("cash", "dashboard.table.cash", true)}
              {header("behind", "dashboard.table.behind")}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.branchId} data-branch={row.code}>
                <th scope="row">
                  <Link to={`/dashboard/branches/${row.branchId}`}>{row.code}</Link>
                  <span className="muted small-text"> {row.town}</span>
                </th>
                <td>
                  <strong>{integer(row.mou?.achieved ?? 0)}</strong> / {integer(row.mou?.target ?? 0)} <LightBadge light={row.mou?.light ?? null} />
                </td>
                <td className="num">
                  {integer(row.registered)}
                  {row.tradersTarget != null ? ` / ${integer(row.tradersTarget)}` : ""} <LightBadge light={row.tradersLight} />
                </td>
                <td className="num">{integer(row.participants.aktif)}</td>
                <td className="num">
                  {rupiah(row.collections.thisMonth)} <LightBadge light={row.collectionsLight} />
                  {row.expectedCollections != null ? (
                    <span className="muted small-text block">{t("dashboard.table.vsExpected", { amount: rupiah(row.expectedCollections) })}</span>
                  ) : null}
                </td>
                <td className="num">
                  {rupiah(row.cash.inHand)}
                  {row.cash.oldestDate ? (
                    <span className={`small-text block${row.cash.flaggedMarkets > 0 ? " warn-text" : " muted"}`}>
                      {date(row.cash.oldestDate)} · {t("dashboard.days", { days: row.cash.ageDays })}
                    </span>
                  ) : null}
                </td>
                <td>
                  <BehindList behind={row.behind} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function MarketFiguresTable({ rows }: { rows: MarketRow[] }) {
  const { t, integer, rupiah, date } = useI18n();
  return (
    <section className="card" aria-labelledby="market-figures">
      <h2 id="market-figures">{t("dashboard.markets.title")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("dashboard.markets.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="dashboard-table">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.markets.market")}</th>
                <th scope="col">{t("dashboard.markets.stage")}</th>
                <th scope="col">{t("dashboard.markets.mou")}</th>
                <th scope="col" className="num">{t("dashboard.markets.registered")}</th>
                <th scope="col" className="num">{t("dashboard.markets.aktif")}</th>
                <th scope="col" className="num">{t("dashboard.markets.arrears")}</th>
                <th scope="col" className="num">{t("dashboard.table.collections")}</th>
                <th scope="col" className="num">{t("dashboard.table.cash")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.marketId} className={row.cash.flaggedMarkets > 0 ? "flagged" : undefined}>
                  <th scope="row">
                    <Link to={`/dashboard/markets/${row.marketId}`}>{row.name}</Link>
                  </th>
                  <td>
                    <StageBadge stage={row.stage} />
                  </td>
                  <td>{row.mouInForce ? t("common.yes") : t("common.no")}</td>
                  <td className="num">{integer(row.registered)}</td>
                  <td className="num">{integer(row.participants.aktif)}</td>
                  <td className="num">
                    {row.arrears > 0 ? <Link to={`/arrears?market=${row.marketId}`}>{integer(row.arrears)}</Link> : integer(0)}
                  </td>
                  <td className="num">{rupiah(row.collections.thisMonth)}</td>
                  <td className="num">
                    {rupiah(row.cash.inHand)}
                    {row.cash.oldestDate ? <span className="muted small-text block">{date(row.cash.oldestDate)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
