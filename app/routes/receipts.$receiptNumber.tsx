import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { findReceipt } from "../models/collection-sheet.server";
import { COLLECTION_ROLES, RECEIPT_PATTERN, receiptText, whatsappLink } from "../domain/collections";
import { formatMonth } from "../domain/month-format";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.receipt.entry.receipt_number ?? ""} · Pasar Terlindungi` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: COLLECTION_ROLES });
  const number = params.receiptNumber ?? "";
  if (!RECEIPT_PATTERN.test(number)) throw notFound(request);
  const receipt = await findReceipt(getDb(), user.scope, number);
  if (!receipt) throw notFound(request);
  return json({ receipt, staffView: user.role !== "market_collector" });
}

export default function ReceiptPage() {
  const { t, rupiah, date, dateTime, locale } = useI18n();
  const { receipt, staffView } = useLoaderData<typeof loader>();
  const { entry, coverage } = receipt;
  const month = coverage?.currentMonth;
  const lines = [
    { label: t("collections.receipt.number"), value: entry.receipt_number },
    { label: t("collections.trader"), value: entry.full_name },
    { label: t("collections.receipt.market"), value: entry.stall ? `${entry.market_name}, ${entry.stall}` : entry.market_name },
    { label: t("collections.amount"), value: rupiah(entry.amount) },
    { label: t("collections.receipt.time"), value: dateTime(entry.collected_at, entry.time_zone) },
    { label: t("collections.collector"), value: entry.collector_name },
    ...(coverage
      ? [
          { label: t("collections.receipt.paidThrough"), value: coverage.paidThrough ? formatMonth(coverage.paidThrough, locale) : t("collections.receipt.nothingPaid") },
          ...(month
            ? [
                {
                  label: t("collections.receipt.thisMonth", { month: formatMonth(month.month, locale) }),
                  value: t("collections.receipt.thisMonthValue", { paid: rupiah(month.paid), premium: rupiah(month.premium), remaining: rupiah(month.remaining) }),
                },
              ]
            : []),
          ...(coverage.arrears > 0 ? [{ label: t("collections.receipt.arrears"), value: rupiah(coverage.arrears) }] : []),
          { label: t("collections.receipt.status"), value: t(`collections.status.${coverage.status}`) },
        ]
      : []),
  ];
  const title = entry.kind === "reversal" ? t("collections.receipt.reversalTitle") : t("collections.receipt.title");
  const share = whatsappLink(entry.phone, receiptText(lines, title));
  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title">{title}</h1>
      <p className="muted">
        {entry.branch_name} · {t("collections.receipt.businessDay")} {date(entry.business_date)}
      </p>
      <dl className="facts receipt-lines">
        {lines.map((line) => (
          <div key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
        {entry.reverses_receipt ? (
          <div>
            <dt>{t("collections.receipt.reason")}</dt>
            <dd>
              {t("collections.receipt.reversalOf", { receipt: entry.reverses_receipt })}: {entry.reason}
            </dd>
          </div>
        ) : null}
        {entry.reversed_by_receipt ? (
          <div>
            <dt>{t("collections.reversed")}</dt>
            <dd>
              <Link to={`/receipts/${entry.reversed_by_receipt}`}>{t("collections.receipt.reversedBy", { receipt: entry.reversed_by_receipt })}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="receipt-actions">
        <a className="button primary" href={share} target="_blank" rel="noreferrer">
          {t("collections.receipt.share")}
        </a>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("collections.receipt.print")}
        </button>
        <Link className="no-print" to={staffView ? `/collect?market=${entry.market_id}` : "/collect"}>{t("collections.receipt.back")}</Link>
      </div>
    </article>
  );
}
