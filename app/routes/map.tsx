import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { loadMapPage, movePin } from "../models/map.server";
import { mapFilterParams, parseMapFilters } from "../domain/map-query";
import { totalOf } from "../domain/cluster";
import { parsePinMove, PIN_EDITOR_ROLES } from "../domain/pin-move";
import { choroplethLimits } from "../domain/boundaries";
import { ClientMap, MapPlaceholder, mapLinks } from "../components/map/map-frame";
import { MapLegend, type LayerVisibility, type MapLayer } from "../components/map/map-legend";
import { MapFilterForm } from "../components/map/map-filters";
import type { PinKind } from "../components/map/programme-map.client";
import { useI18n, useRootData } from "../i18n/react";
import { isMessageKey } from "../i18n";

const ProgrammeMap = lazy(() => import("../components/map/programme-map.client"));
const MAP_HEIGHT = 560;

export const meta: MetaFunction = () => [{ title: "Peta · Pasar Terlindungi" }];
export const links: LinksFunction = () => mapLinks();

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseMapFilters(new URL(request.url).searchParams);
  const page = await loadMapPage(getDb(), user.scope, filters, user.role);
  return json({ ...page, isAdmin: user.role === "admin", linkOffices: user.role !== "market_collector" });
}

/** Moves a market's or a trader's pin (edit mode); answers JSON for the page's fetcher. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: PIN_EDITOR_ROLES });
  const parsed = parsePinMove(Object.fromEntries(await request.formData()));
  if (!parsed.ok) return json({ error: parsed.error }, { status: 400 });
  const result = await movePin(getDb(), user.scope, parsed.move, user.id);
  if (result === "not_found") throw notFound(request);
  return json({ moved: { intent: parsed.move.intent, id: parsed.move.id } });
}

type PinResult = { error?: string; moved?: { intent: string; id: number } };

function usePinEditor() {
  const fetcher = useFetcher<PinResult>();
  const { submit } = fetcher;
  const csrf = useRootData()?.csrfToken ?? "";
  const [saved, setSaved] = useState(0);
  const move = useCallback(
    (kind: PinKind, id: number, lat: number, lng: number) =>
      submit(
        { csrf, intent: kind === "market" ? "moveMarket" : "moveTrader", id: String(id), lat: lat.toFixed(6), lng: lng.toFixed(6) },
        { method: "post" },
      ),
    [csrf, submit],
  );
  const data = fetcher.data;
  useEffect(() => {
    if (fetcher.state === "idle" && data?.moved) setSaved((count) => count + 1);
  }, [fetcher.state, data]);
  return { move, saving: fetcher.state !== "idle", error: data?.error ?? null, saved };
}

export default function MapPage() {
  const { t, integer } = useI18n();
  const data = useLoaderData<typeof loader>();
  const [editing, setEditing] = useState(false);
  const [visible, setVisible] = useState<LayerVisibility>({ areas: true, offices: true, markets: true, traders: true });
  const [tradersUnavailable, setTradersUnavailable] = useState(false);
  const pins = usePinEditor();
  const toggle = (layer: MapLayer) => setVisible((current) => ({ ...current, [layer]: !current[layer] }));
  const filterKey = mapFilterParams(data.filters).toString();
  const areas = useMemo(
    () => (data.boundary ? { boundaryId: data.boundary.id, counts: data.boundary.areaCounts, limits: choroplethLimits(Object.values(data.boundary.areaCounts)) } : null),
    [data.boundary],
  );
  const traderTotal = totalOf(data.totals);
  const unplacedTraders = data.marketsWithoutLocation.reduce((sum, market) => sum + market.traders, 0);
  return (
    <>
      <div className="page-heading">
        <h1>{t("map.title")}</h1>
        {data.isAdmin ? <Link to="/admin/boundaries">{t("map.boundariesLink")}</Link> : null}
      </div>
      <p className="muted">{t("map.intro")}</p>
      <MapFilterForm filters={data.filters} branches={data.branchChoices} />
      <p aria-live="polite">{t("map.summary", { markets: integer(data.markets.length), traders: integer(traderTotal) })}</p>
      {data.canEditPins ? (
        <div className="map-edit">
          <button type="button" aria-pressed={editing} onClick={() => setEditing((on) => !on)}>
            {t(editing ? "map.edit.stop" : "map.edit.start")}
          </button>
          {editing ? <p className="muted">{t("map.edit.hint")}</p> : null}
          <p role="status" className={pins.error ? "field-error" : "muted"}>
            {pins.saving ? t("map.edit.saving") : pins.error ? (isMessageKey(pins.error) ? t(pins.error) : pins.error) : pins.saved > 0 ? t("map.edit.saved") : ""}
          </p>
        </div>
      ) : null}
      <div className="map-layout">
        <ClientMap height={MAP_HEIGHT}>
          {() => (
            <Suspense fallback={<MapPlaceholder height={MAP_HEIGHT} />}>
              <ProgrammeMap
                key={filterKey}
                offices={data.offices}
                markets={data.markets}
                filters={data.filters}
                areas={areas}
                visible={visible}
                onMovePin={editing ? pins.move : null}
                refreshKey={pins.saved}
                linkOffices={data.linkOffices}
                height={MAP_HEIGHT}
                label={t("map.label")}
                onTradersUnavailable={setTradersUnavailable}
              />
            </Suspense>
          )}
        </ClientMap>
        <MapLegend visible={visible} onToggle={toggle} areas={data.boundary && areas ? { level: data.boundary.level, limits: areas.limits } : null} />
      </div>
      {tradersUnavailable ? <p role="alert">{t("map.tradersUnavailable")}</p> : null}
      {data.marketsWithoutLocation.length > 0 ? (
        <div className="map-unplaced">
          {unplacedTraders > 0 ? <p>{t("map.unplaced", { count: integer(unplacedTraders) })}</p> : null}
          <p>{t("map.withoutLocation")}</p>
          <ul>
            {data.marketsWithoutLocation.map((market) => (
              <li key={market.id}>
                <Link to={`/markets/${market.id}`}>{market.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
