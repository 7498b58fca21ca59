import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadArrearsPage } from "../models/arrears.server";
import { formatMonth } from "../domain/month-format";
import { CoverageStatusBadge, MarketSelect } from "../components/deposit-parts";
import { Pagination } from "../components/pagination";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Tunggakan · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const marketId = Number(params.get("market")) || null;
  const page = await loadArrearsPage(getDb(), user.scope, { marketId, page: Number(params.get("page")) || 1 });
  if (!page) throw notFound(request);
  return json(page);
}

export default function Arrears() {
  const { t, rupiah, integer, locale } = useI18n();
  const { markets, arrears } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("arrears.title")}</h1>
      <p className="muted">{t("arrears.intro")}</p>
      {markets.length === 0 ? <p className="empty">{t("arrears.noMarkets")}</p> : null}
      {markets.length > 1 ? (
        <Form method="get" className="filters">
          <MarketSelect markets={markets} value={arrears?.market.id} label={t("arrears.chooseMarket")} emptyLabel={t("arrears.chooseMarket")} />
          <button type="submit">{t("deposits.show")}</button>
        </Form>
      ) : null}
      {arrears ? (
        <>
          <h2>{arrears.market.name}</h2>
          <p className="actions-row">
            <span>{t("arrears.total", { count: integer(arrears.traders.total), amount: rupiah(arrears.totalOwed) })}</span>
            {arrears.traders.total > 0 ? (
              <a className="button" href={`/arrears.csv?market=${arrears.market.id}`} download>{t("arrears.csv")}</a>
            ) : null}
          </p>
          {arrears.traders.rows.length === 0 ? (
            <p className="empty">{t("arrears.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("arrears.trader")}</th>
                    <th scope="col" className="num">{t("arrears.amountOwed")}</th>
                    <th scope="col">{t("arrears.phone")}</th>
                  </tr>
                </thead>
                <tbody>
                  {arrears.traders.rows.map((row) => (
                    <tr key={row.traderId}>
                      <th scope="row">
                        <Link to={`/traders/${row.traderId}`}>{row.name}</Link> <CoverageStatusBadge status={row.status} />
                        <div className="muted small-text">
                          {[row.stall, `${t("arrears.paidThrough")} ${row.paidThrough ? formatMonth(row.paidThrough, locale) : t("arrears.none")}`].filter(Boolean).join(" · ")}
                        </div>
                      </th>
                      <td className="num">
                        <strong>{rupiah(row.amountOwed)}</strong>
                        <div className="muted small-text">{t("arrears.monthsCount", { months: integer(row.monthsBehind) })}</div>
                      </td>
                      <td>
                        {row.phone ? (
                          <span className="contact-links">
                            <a href={`tel:${row.phone}`} aria-label={`${t("arrears.call")} ${row.name}`}>{row.phone}</a>
                            {row.whatsapp ? (
                              <a
                                href={`https://wa.me/${row.phone.replace(/^\+/, "")}?text=${encodeURIComponent(
                                  t("arrears.whatsappText", { name: row.name, months: row.monthsBehind, amount: rupiah(row.amountOwed) }),
                                )}`}
                                target="_blank"
                                rel="noreferrer"
                              >
                                {t("arrears.whatsapp")}
                              </a>
                            ) : null}
                          </span>
                        ) : t("arrears.none")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={arrears.traders.page} pageCount={arrears.traders.pageCount} />
        </>
      ) : null}
    </>
  );
}
