import type { BoundaryLevel, MarketStage, TraderCoverageStatus } from "../../../db/schema";
import { ALL_STAGES } from "../../domain/pipeline";
import { TRADER_MAP_STATUSES } from "../../domain/map-query";
import { useI18n } from "../../i18n/react";

// Colours shared by the map layers (browser-only) and the legend (rendered on the server too).

export const STAGE_COLOURS: Record<MarketStage, string> = {
  identified: "#7b8794",
  visited: "#2b6cb0",
  negotiating: "#c98a06",
  mou_signed: "#38a169",
  collecting: "#0b6b3a",
  declined: "#c53030",
  paused: "#805ad5",
};

export const STATUS_COLOURS: Record<TraderCoverageStatus, string> = {
  aktif: "#0b6b3a",
  menunggak: "#dd6b20",
  nonaktif: "#c53030",
  belum_bayar: "#718096",
};

export const MOU_RING_COLOUR = "#d4a017";
export const OFFICE_COLOUR = "#123e7c";

/** Zero first, then light to dark for growing counts. */
export const AREA_COLOURS = ["#f4f7fb", "#d6e6f4", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

export type MapLayer = "areas" | "offices" | "markets" | "traders";
export type LayerVisibility = Record<MapLayer, boolean>;

function Swatch({ colour, shape = "dot", ring }: { colour: string; shape?: "dot" | "square"; ring?: string }) {
  return <span className={`legend-swatch legend-${shape}`} style={{ background: colour, boxShadow: ring ? `0 0 0 3px ${ring}` : undefined }} aria-hidden="true" />;
}

function LayerToggle({ layer, label, visible, onToggle }: { layer: MapLayer; label: string; visible: LayerVisibility; onToggle: (layer: MapLayer) => void }) {
  return (
    <label className="legend-toggle">
      <input type="checkbox" checked={visible[layer]} onChange={() => onToggle(layer)} />
      {label}
    </label>
  );
}

/** What a trader's colour and a cluster mean (the full map's legend and the market page's map). */
export function TraderStatusKey({ className }: { className?: string }) {
  const { t } = useI18n();
  return (
    <ul className={className}>
      {TRADER_MAP_STATUSES.map((status) => (
        <li key={status}>
          <Swatch colour={STATUS_COLOURS[status]} /> {t(`map.status.${status}`)}
        </li>
      ))}
      <li className="muted">{t("map.legend.cluster")}</li>
    </ul>
  );
}

export interface MapLegendProps {
  visible: LayerVisibility;
  onToggle: (layer: MapLayer) => void;
  areas: { level: BoundaryLevel; limits: number[] } | null;
}

/** Layer switches with what each symbol means; the switches work with a keyboard and a screen reader. */
export function MapLegend({ visible, onToggle, areas }: MapLegendProps) {
  const { t, integer } = useI18n();
  return (
    <section className="map-legend" aria-labelledby="map-legend-title">
      <h2 id="map-legend-title">{t("map.layers")}</h2>
      <div className="legend-group">
        <LayerToggle layer="offices" label={t("map.layer.offices")} visible={visible} onToggle={onToggle} />
        <ul>
          <li>
            <Swatch colour={OFFICE_COLOUR} shape="square" /> KC
          </li>
        </ul>
      </div>
      <div className="legend-group">
        <LayerToggle layer="markets" label={t("map.layer.markets")} visible={visible} onToggle={onToggle} />
        <ul>
          {ALL_STAGES.map((stage) => (
            <li key={stage}>
              <Swatch colour={STAGE_COLOURS[stage]} /> {t(`stage.${stage}`)}
            </li>
          ))}
          <li>
            <Swatch colour="#ffffff" ring={MOU_RING_COLOUR} /> {t("map.legend.mouInForce")}
          </li>
        </ul>
      </div>
      <div className="legend-group">
        <LayerToggle layer="traders" label={t("map.layer.traders")} visible={visible} onToggle={onToggle} />
        <TraderStatusKey />
      </div>
      {areas ? (
        <div className="legend-group">
          <LayerToggle layer="areas" label={t("map.layer.areas")} visible={visible} onToggle={onToggle} />
          <p className="muted">{t("map.legend.areasBy", { level: t(`map.level.${areas.level}`) })}</p>
          <ul>
            <li>
              <Swatch colour={AREA_COLOURS[0]} shape="square" /> {t("map.legend.zero")}
            </li>
            {areas.limits.map((limit, index) => (
              <li key={limit}>
                <Swatch colour={AREA_COLOURS[index + 1]} shape="square" />{" "}
                {t("map.legend.range", { from: integer(index === 0 ? 1 : areas.limits[index - 1] + 1), to: integer(limit) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
