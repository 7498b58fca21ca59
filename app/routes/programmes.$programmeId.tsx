import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { loadProgrammePage } from "../models/programmes.server";
import { formatMonth } from "../domain/month-format";
import { FactList } from "../components/fact-list";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${(data as { programme?: { name: string } } | undefined)?.programme?.name ?? "Program"} · Pasar Terlindungi` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff"] });
  const page = await loadProgrammePage(getDb(), user.scope, requireIdParam(params.programmeId));
  if (!page) throw notFound(request);
  return json(page);
}

export default function ProgrammePage() {
  const { t, rupiah, integer, date, locale } = useI18n();
  const { programme, months, traders, committed, budget, remaining, percent } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const facts: [string, string][] = [
    [t("programmes.branch"), `${programme.branch_code} · ${programme.branch_name}`],
    [t("programmes.payerType"), t(`payer.${programme.payer_type}`)],
    [t("programmes.sponsorName"), programme.sponsor_name],
    [t("programmes.monthsCovered"), `${integer(programme.months_covered)} · ${t("programmes.period", { first: formatMonth(months.first, locale), last: formatMonth(months.last, locale) })}`],
  ];
  return (
    <>
      <p><Link to="/programmes">← {t("programmes.title")}</Link></p>
      <h1>{programme.name}</h1>
      {params.get("created") ? <p role="status" className="notice">{t("programmes.created")}</p> : null}
      <FactList rows={facts} className="facts card" />
      <section className="card commitment" aria-labelledby="commitment-heading">
        <h2 id="commitment-heading">{t("programmes.committed")}</h2>
        <p className="big" data-testid="committed">{rupiah(committed)}</p>
        <p>{`${t("programmes.committedOf", { percent })} · ${t("programmes.budget")} ${rupiah(budget)} · ${t("programmes.remaining")} ${rupiah(remaining)}`}</p>
        <meter min={0} max={budget} value={Math.min(committed, budget)} aria-label={t("programmes.committedOf", { percent })} />
        {remaining < 0 ? <p className="warning" role="alert">{t("programmes.overBudget", { amount: rupiah(-remaining) })}</p> : null}
        <p className="hint">{t("programmes.committedHint")}</p>
      </section>
      <section aria-labelledby="traders-heading">
        <h2 id="traders-heading">{`${t("programmes.traders")} (${integer(traders.length)})`}</h2>
        {traders.length === 0 ? (
          <p className="empty">{t("programmes.noTraders")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("traders.fullName")}</th>
                  <th scope="col">{t("traders.market")}</th>
                  <th scope="col">{t("traders.stall")}</th>
                  <th scope="col" className="num">{t("traders.nominal")}</th>
                  <th scope="col" className="num">{t("programmes.traderCommitted")}</th>
                </tr>
              </thead>
              <tbody>
                {traders.map((trader) => (
                  <tr key={trader.id}>
                    <th scope="row"><Link to={`/traders/${trader.id}`}>{trader.full_name}</Link></th>
                    <td>{trader.market_name}</td>
                    <td>{trader.stall ?? t("common.none")}</td>
                    <td className="num">{rupiah(trader.nominal)}</td>
                    <td className="num">{rupiah(trader.committed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="hint">{t("programmes.createdBy", { name: programme.created_by ?? t("common.none"), when: date(programme.created_at.slice(0, 10)) })}</p>
    </>
  );
}
