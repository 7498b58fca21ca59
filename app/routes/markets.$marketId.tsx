import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findMarket, loadMarketPage } from "../models/markets.server";
import { changeMarketStage } from "../models/pipeline.server";
import { isMarketStage } from "../domain/pipeline";
import type { FieldErrors } from "../domain/user-form";
import { StageBadge } from "../components/badges";
import { ContactList } from "../components/market-contacts";
import { StageChangeForm, StageHistory } from "../components/market-history";
import { ClientMap, MapPlaceholder, mapLinks } from "../components/map/map-frame";
import { MarketMous } from "../components/market-mous";
import { MarketVisits } from "../components/market-visits";
import { MarketTradersSummary } from "../components/market-traders";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";

const MarketLocation = lazy(() => import("../components/map/market-location.client"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${(data as { market?: { name: string } } | undefined)?.market?.name ?? "Pasar"} · Pasar Terlindungi` },
];
export const links: LinksFunction = () => mapLinks();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const canManage = user.role !== "market_collector";
  const page = await loadMarketPage(getDb(), user.scope, requireIdParam(params.marketId), { withVisits: canManage });
  if (!page) throw notFound(request);
  return json({ ...page, canManage });
}

type ActionResult = { errors?: FieldErrors; notice?: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff"] });
  const db = getDb();
  const marketId = requireIdParam(params.marketId);
  if (!(await findMarket(db, user.scope, marketId))) throw notFound(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent !== "change-stage") throw new Response("Unknown form", { status: 400 });
  if (!isMarketStage(form.to)) return json<ActionResult>({ errors: { to: "common.required" } }, { status: 400 });
  const result = await changeMarketStage(db, user.scope, {
    marketId,
    to: form.to,
    reason: typeof form.reason === "string" ? form.reason.slice(0, 500) : null,
    source: "manual",
    userId: user.id,
  });
  if (result?.error === "not_found") throw notFound(request);
  if (result) {
    const field = result.error === "pipeline.reasonRequired" ? "reason" : "to";
    return json<ActionResult>({ errors: { [field]: result.error } }, { status: 400 });
  }
  return json<ActionResult>({ notice: "markets.stageChanged" });
}

type PageData = NonNullable<Awaited<ReturnType<typeof loadMarketPage>>> & { canManage: boolean };

function LocationSection({ market }: { market: PageData["market"] }) {
  const { t, dateTime } = useI18n();
  if (market.lat == null || market.lng == null) return <p className="muted">{t("markets.noLocation")}</p>;
  const { lat, lng } = market;
  const via = market.location_verified_via;
  return (
    <>
      <ClientMap height={260}>
        {() => (
          <Suspense fallback={<MapPlaceholder height={260} />}>
            <MarketLocation lat={lat} lng={lng} precision={market.coord_precision} label={t("markets.locationMap", { name: market.name })} />
          </Suspense>
        )}
      </ClientMap>
      <p>
        {`${lat.toFixed(5)}, ${lng.toFixed(5)}`} · {t(`precision.${market.coord_precision}`)}
        {via && market.location_verified_at ? (
          <>
            <br />
            {t("markets.verifiedBy", {
              via: t(`markets.locationCheck.${via}`),
              name: market.location_verified_by ?? t("markets.system"),
              when: dateTime(market.location_verified_at, market.time_zone),
            })}
          </>
        ) : null}
      </p>
    </>
  );
}

export default function MarketPage() {
  const { t, integer } = useI18n();
  const { market, contacts, history, mous, visits, traders, stageOptions, canManage } = useLoaderData<typeof loader>() as unknown as PageData;
  const result = useActionData<ActionResult>();
  const [params] = useSearchParams();
  const notice = result?.notice ?? (params.get("created") ? "common.created" : params.get("saved") ? "common.saved" : undefined);
  const count = (value: number | null) => (value == null ? t("common.none") : integer(value));
  const rows: [string, React.ReactNode][] = [
    [t("markets.branch"), `${market.branch_code} · ${market.branch_name}`],
    [t("markets.regency"), `${market.regency_name} (${market.regency_code})`],
    [t("markets.address"), market.address ?? t("common.none")],
    [t("markets.governmentRun"), market.government_run ? t("common.yes") : t("common.no")],
    [t("markets.operator"), `${t(`operator.${market.operator_type}`)}${market.operator_name ? ` · ${market.operator_name}` : ""}`],
    [t("markets.stalls"), count(market.stall_estimate)],
    [t("markets.traders"), count(market.trader_estimate)],
    [t("markets.notes"), market.notes || t("common.none")],
  ];
  return (
    <>
      <p><Link to="/markets">← {t("markets.title")}</Link></p>
      <div className="page-heading">
        <h1>{market.name}</h1>
        {canManage ? <Link className="button" to={`/markets/${market.id}/edit`}>{t("markets.editLink")}</Link> : null}
      </div>
      <p><StageBadge stage={market.stage} /></p>
      {notice ? <p role="status" className="notice">{t(notice)}</p> : null}
      <dl className="facts card" aria-label={t("markets.facts")}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section className="card" aria-labelledby="location-heading">
        <h2 id="location-heading">{t("markets.location")}</h2>
        <LocationSection market={market} />
      </section>
      <section className="card" aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{t("markets.contacts")}</h2>
        <ContactList contacts={contacts} />
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("markets.history")}</h2>
        {canManage ? <StageChangeForm key={market.stage} options={stageOptions} errors={result?.errors} /> : null}
        <StageHistory history={history} timeZone={market.time_zone} />
      </section>
      <MarketMous marketId={market.id} mous={mous} canDraft={canManage} />
      {traders ? <MarketTradersSummary summary={traders} market={market} /> : null}
      {canManage ? <MarketVisits marketId={market.id} visits={visits} /> : null}
    </>
  );
}
