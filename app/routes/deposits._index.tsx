import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { DepositStatus } from "../../db/schema";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadDepositList } from "../models/deposits.server";
import { DEPOSIT_RECORDER_ROLES } from "../domain/deposit-form";
import { DepositStatusBadge, Difference, MarketSelect } from "../components/deposit-parts";
import { Pagination } from "../components/pagination";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Setoran · Pasar Terlindungi" }];

const STATUSES: DepositStatus[] = ["recorded", "verified", "rejected"];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const status = STATUSES.find((s) => s === params.get("status"));
  const marketId = Number(params.get("market")) || undefined;
  const page = Number(params.get("page")) || 1;
  const list = await loadDepositList(getDb(), user.scope, { status, marketId, page });
  return json({ ...list, canRecord: DEPOSIT_RECORDER_ROLES.includes(user.role) });
}

export default function Deposits() {
  const { t, rupiah, date } = useI18n();
  const { deposits, markets, canRecord } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("deposits.title")}</h1>
      {canRecord ? (
        <p><Link to="/deposits/new" className="button primary">{t("deposits.new")}</Link></p>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="status">{t("deposits.status")}</label>
          <select id="status" name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">{t("deposits.allStatuses")}</option>
            {STATUSES.map((status) => <option key={status} value={status}>{t(`deposits.status.${status}`)}</option>)}
          </select>
        </div>
        {markets.length > 1 ? (
          <MarketSelect markets={markets} value={params.get("market")} label={t("deposits.market")} emptyLabel={t("deposits.allMarkets")} />
        ) : null}
        <button type="submit">{t("deposits.filter")}</button>
      </Form>
      {deposits.rows.length === 0 ? (
        <p className="empty">{t("deposits.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("deposits.depositDate")}</th>
                <th scope="col">{t("deposits.market")}</th>
                <th scope="col">{t("deposits.channel")}</th>
                <th scope="col" className="num">{t("deposits.amount")}</th>
                <th scope="col" className="num">{t("deposits.difference")}</th>
                <th scope="col">{t("deposits.status")}</th>
                <th scope="col">{t("deposits.recordedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {deposits.rows.map((deposit) => (
                <tr key={deposit.id}>
                  <th scope="row"><Link to={`/deposits/${deposit.id}`}>{date(deposit.deposit_date)}</Link></th>
                  <td>{deposit.market_name}</td>
                  <td>{t(`deposits.channel.${deposit.channel}`)} · {deposit.reference}</td>
                  <td className="num">{rupiah(deposit.amount)}</td>
                  <td className="num"><Difference amount={deposit.difference} /></td>
                  <td><DepositStatusBadge status={deposit.status} /></td>
                  <td>{deposit.recorded_by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={deposits.page} pageCount={deposits.pageCount} />
    </>
  );
}
