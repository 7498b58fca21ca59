import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadReconciliation } from "../models/reconciliation.server";
import { Difference } from "../components/deposit-parts";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Rekonsiliasi · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadReconciliation(getDb(), user.scope));
}

export default function Reconciliation() {
  const { t, rupiah, date } = useI18n();
  const { rows, maxCashDays } = useLoaderData<typeof loader>();
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return (
    <>
      <h1>{t("reconciliation.title")}</h1>
      <p className="muted">{t("reconciliation.intro")} {t("reconciliation.limit", { days: maxCashDays })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("reconciliation.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="reconciliation">
            <thead>
              <tr>
                <th scope="col">{t("reconciliation.market")}</th>
                <th scope="col" className="num">{t("reconciliation.cashInHand")}</th>
                <th scope="col">{t("reconciliation.age")}</th>
                <th scope="col" className="num">{t("reconciliation.collected")}</th>
                <th scope="col" className="num">{t("reconciliation.counted")}</th>
                <th scope="col" className="num">{t("reconciliation.closeVariance")}</th>
                <th scope="col" className="num">{t("reconciliation.deposited")}</th>
                <th scope="col" className="num">{t("reconciliation.verified")}</th>
                <th scope="col" className="num">{t("reconciliation.awaiting")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ reconciliation: r, ...market }) => (
                <tr key={market.id} className={r.flagged ? "flagged" : undefined}>
                  <th scope="row">
                    <Link to={`/deposits?market=${market.id}`}>{market.name}</Link> <span className="muted">({market.branch_code})</span>
                    {r.openDays || r.undepositedDays ? (
                      <div className="muted small-text">
                        {[
                          r.openDays ? t("reconciliation.openDays", { count: r.openDays }) : null,
                          r.undepositedDays ? t("reconciliation.undepositedDays", { count: r.undepositedDays }) : null,
                        ].filter(Boolean).join(" · ")}
                      </div>
                    ) : null}
                  </th>
                  <td className="num"><strong>{rupiah(r.cashInHand)}</strong></td>
                  <td>
                    {r.oldestCashDate ? (
                      <>
                        {t("reconciliation.ageDays", { days: r.cashAgeDays })}{" "}
                        <span className="muted small-text">{t("reconciliation.since", { date: date(r.oldestCashDate) })}</span>
                      </>
                    ) : t("common.none")}
                    {r.flagged ? <> <span className="badge cash-flagged">{t("reconciliation.flagged")}</span></> : null}
                  </td>
                  <td className="num">{rupiah(r.collected)}</td>
                  <td className="num">{rupiah(r.counted)}</td>
                  <td className="num"><Difference amount={r.closeVariance} /></td>
                  <td className="num">{rupiah(r.deposited)}</td>
                  <td className="num">{rupiah(r.verified)}</td>
                  <td className="num">{rupiah(r.awaitingVerification)}</td>
                </tr>
              ))}
            </tbody>
            {rows.length > 1 ? (
              <tfoot>
                <tr>
                  <th scope="row">{t("common.total")}</th>
                  <td className="num"><strong>{rupiah(sum((row) => row.reconciliation.cashInHand))}</strong></td>
                  <td />
                  <td className="num">{rupiah(sum((row) => row.reconciliation.collected))}</td>
                  <td className="num">{rupiah(sum((row) => row.reconciliation.counted))}</td>
                  <td className="num"><Difference amount={sum((row) => row.reconciliation.closeVariance)} /></td>
                  <td className="num">{rupiah(sum((row) => row.reconciliation.deposited))}</td>
                  <td className="num">{rupiah(sum((row) => row.reconciliation.verified))}</td>
                  <td className="num">{rupiah(sum((row) => row.reconciliation.awaitingVerification))}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      )}
    </>
  );
}
