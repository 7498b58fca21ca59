import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { loadTraderPage } from "../models/traders.server";
import { isPremiumMonth } from "../domain/premium";
import { formatIndonesianPhone, whatsappHref } from "../domain/phone";
import { PremiumBreakdown } from "../components/trader-premium";
import { TraderHistory } from "../components/trader-history";
import { FactList } from "../components/fact-list";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${(data as { trader?: { full_name: string } } | undefined)?.trader?.full_name ?? "Pedagang"} · Pasar Terlindungi` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff", "market_collector"] });
  const month = new URL(request.url).searchParams.get("month");
  const page = await loadTraderPage(getDb(), user.scope, requireIdParam(params.traderId), month && isPremiumMonth(month) ? month : null);
  if (!page) throw notFound(request);
  return json(page);
}

export default function TraderPage() {
  const { t, rupiah, date, dateTime } = useI18n();
  const { trader, month, quote, history, programmeNames } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = params.get("created") ? "traders.created" : params.get("saved") ? "traders.saved" : null;
  const payer = `${t(`payer.${trader.payer_type}`)}${trader.programme_name ? ` · ${trader.programme_name}` : ""}`;
  const rows: [string, React.ReactNode][] = [
    [t("traders.nik"), trader.nik],
    [t("traders.sex"), t(`sex.${trader.sex}`)],
    [t("traders.birthDate"), date(trader.birth_date)],
    [t("traders.market"), <Link key="m" to={`/traders?market=${trader.market_id}`}>{trader.market_name}</Link>],
    [t("traders.stall"), trader.stall ?? t("common.none")],
    [t("traders.commodity"), t(`commodity.${trader.commodity}`)],
    [
      t("traders.phone"),
      trader.phone ? (
        <>
          <a href={`tel:${trader.phone}`}>{formatIndonesianPhone(trader.phone)}</a>
          {trader.whatsapp ? <> · <a href={whatsappHref(trader.phone)}>WhatsApp</a></> : null}
        </>
      ) : (
        t("common.none")
      ),
    ],
    [t("traders.nominal"), rupiah(trader.nominal)],
    [t("traders.programmes"), trader.jht ? "JKK, JKM, JHT" : "JKK, JKM"],
    [t("traders.payerType"), payer],
    [t("traders.kpj"), trader.kpj ?? t("common.none")],
    [t("traders.status"), t(`traders.status.${trader.status}`)],
    [t("traders.coverageStart"), trader.coverage_start_month],
    [t("traders.stallLocation"), trader.lat != null && trader.lng != null ? `${trader.lat.toFixed(6)}, ${trader.lng.toFixed(6)}` : t("common.none")],
  ];
  return (
    <>
      <p><Link to={`/traders?market=${trader.market_id}`}>← {t("traders.titleOf", { market: trader.market_name })}</Link></p>
      <div className="page-heading">
        <h1>{trader.full_name}</h1>
        <Link className="button" to={`/traders/${trader.id}/edit`}>{t("traders.editLink")}</Link>
      </div>
      {notice ? <p role="status" className="notice">{t(notice)}</p> : null}
      <section className="card" aria-labelledby="premium-heading">
        <h2 id="premium-heading">{t("traders.monthPremium")}</h2>
        {quote ? <PremiumBreakdown quote={quote} /> : <p className="muted">{t("traders.noQuote")}</p>}
        <Form method="get" className="inline-form">
          <label className="field">
            {t("traders.showMonth")}
            <input type="month" name="month" defaultValue={month} />
          </label>
          <button type="submit">{t("common.search")}</button>
        </Form>
      </section>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("traders.profile")}</h2>
        <FactList rows={rows} />
        <p className="hint">{t("traders.enrolledBy", { name: trader.enrolled_by, when: dateTime(trader.enrolled_at, trader.time_zone) })}</p>
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("traders.history")}</h2>
        <TraderHistory history={history} programmeNames={programmeNames} timeZone={trader.time_zone} />
      </section>
    </>
  );
}
