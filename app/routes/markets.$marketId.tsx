import { json } from "@remix-run/node";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findMarket } from "../models/markets.server";
import { StageBadge } from "../components/badges";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${(data as { market?: { name: string } } | undefined)?.market?.name ?? "Pasar"} · Pasar Terlindungi` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const market = await findMarket(getDb(), user.scope, requireIdParam(params.marketId));
  if (!market) throw notFound(request);
  return json({ market });
}

export default function MarketPage() {
  const { t, integer } = useI18n();
  const { market } = useLoaderData<typeof loader>() as { market: NonNullable<Awaited<ReturnType<typeof findMarket>>> };
  const rows: [string, React.ReactNode][] = [
    [t("markets.branch"), `${market.branch_code} · ${market.branch_name}`],
    [t("markets.regency"), `${market.regency_name} (${market.regency_code})`],
    [t("markets.address"), market.address ?? t("common.none")],
    [t("markets.governmentRun"), market.government_run ? t("common.yes") : t("common.no")],
    [t("markets.operator"), `${t(`operator.${market.operator_type}`)}${market.operator_name ? ` · ${market.operator_name}` : ""}`],
    [t("markets.stalls"), market.stall_estimate == null ? t("common.none") : integer(market.stall_estimate)],
    [t("markets.traders"), market.trader_estimate == null ? t("common.none") : integer(market.trader_estimate)],
    [
      t("markets.location"),
      market.lat == null || market.lng == null
        ? t("common.none")
        : `${market.lat.toFixed(4)}, ${market.lng.toFixed(4)} (${t(`precision.${market.coord_precision}`)})`,
    ],
  ];
  return (
    <>
      <p><Link to="/markets">← {t("markets.title")}</Link></p>
      <h1>{market.name}</h1>
      <p><StageBadge stage={market.stage} /></p>
      <dl className="facts card">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
