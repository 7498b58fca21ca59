import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { loadFeeStatement } from "../models/collector-fees.server";
import { formatBasisPoints, formatMonth } from "../domain/month-format";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Imbal jasa pemungut · Pasar Terlindungi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const month = new URL(request.url).searchParams.get("month");
  const statement = await loadFeeStatement(getDb(), user.scope, requireIdParam(params.mouId), month);
  if (!statement) throw notFound(request);
  return json(statement);
}

export default function FeeStatement() {
  const { t, rupiah, integer, date, locale } = useI18n();
  const { mou, month, previousMonth, nextMonth, period, statement } = useLoaderData<typeof loader>();
  return (
    <section className="fee-statement">
      <p className="no-print"><Link to={`/mous/${mou.id}`}>← {mou.number}</Link></p>
      <h1>{t("fees.title")}: {formatMonth(month, locale)}</h1>
      <dl className="facts card">
        <div><dt>{t("mou.market")}</dt><dd>{mou.market_name} ({mou.branch_code})</dd></div>
        <div><dt>{t("mou.number")}</dt><dd>{mou.number}</dd></div>
        <div><dt>{t("mou.counterparty")}</dt><dd>{mou.counterparty_name}</dd></div>
        <div><dt>{t("fees.rateLabel")}</dt><dd>{t("fees.rate", { rate: formatBasisPoints(statement.basisPoints, locale) })}</dd></div>
        {period ? <div><dt>{t("fees.month")}</dt><dd>{t("fees.period", { from: date(period.from), to: date(period.to) })}</dd></div> : null}
      </dl>
      <nav className="actions-row no-print" aria-label={t("fees.month")}>
        <Link to={`?month=${previousMonth}`}>← {t("fees.previous")}</Link>
        {nextMonth ? <Link to={`?month=${nextMonth}`}>{t("fees.next")} →</Link> : null}
        <Form method="get" className="actions-row">
          <label htmlFor="month">{t("fees.month")}</label>
          <input id="month" name="month" type="month" defaultValue={month} />
          <button type="submit">{t("fees.show")}</button>
        </Form>
        <button type="button" onClick={() => window.print()}>{t("fees.print")}</button>
      </nav>
      {!period ? (
        <p className="empty">{t("fees.notInForce")}</p>
      ) : statement.lines.length === 0 ? (
        <p className="empty">{t("fees.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("fees.collector")}</th>
                <th scope="col" className="num">{t("fees.entries")}</th>
                <th scope="col" className="num">{t("fees.net")}</th>
                <th scope="col" className="num">{t("fees.fee")}</th>
              </tr>
            </thead>
            <tbody>
              {statement.lines.map((line) => (
                <tr key={line.collectorId}>
                  <th scope="row">
                    {line.collectorName}
                    {line.namedOnMou ? null : <span className="muted small-text"> ({t("fees.notNamed")})</span>}
                  </th>
                  <td className="num">{integer(line.entries)}</td>
                  <td className="num">{rupiah(line.net)}</td>
                  <td className="num">{rupiah(line.fee)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("fees.total")}</th>
                <td className="num">{integer(statement.lines.reduce((total, line) => total + line.entries, 0))}</td>
                <td className="num">{rupiah(statement.totalNet)}</td>
                <td className="num"><strong>{rupiah(statement.totalFee)}</strong></td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="muted small-text">{t("fees.rounding")}</p>
    </section>
  );
}
