import { divIcon } from "leaflet";
import type { MarketStage, TraderCoverageStatus } from "../../../db/schema";
import type { StatusCounts } from "../../domain/cluster";
import { TRADER_MAP_STATUSES } from "../../domain/map-query";
import { MOU_RING_COLOUR, OFFICE_COLOUR, STAGE_COLOURS, STATUS_COLOURS } from "./map-legend";

// Browser-only: the map's marker icons (HTML, so no image files and they scale with CSS).

export const officeIcon = divIcon({
  className: "office-pin",
  html: `<span style="background:${OFFICE_COLOUR}">KC</span>`,
  iconSize: [26, 26],
  iconAnchor: [13, 13],
});

/** A teardrop in the stage's colour, its tip on the market, so it stands above the traders' cluster. */
export const marketIcon = (stage: MarketStage, mouInForce = false) =>
  divIcon({
    className: "market-pin",
    html: `<span style="background:${STAGE_COLOURS[stage]}${mouInForce ? `;box-shadow:0 0 0 3px ${MOU_RING_COLOUR}` : ""}"></span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 28],
    popupAnchor: [0, -26],
  });

/** A draggable trader (edit mode); otherwise traders are plain circle markers. */
export const traderIcon = (status: TraderCoverageStatus) =>
  divIcon({ className: "trader-pin", html: `<span style="background:${STATUS_COLOURS[status]}"></span>`, iconSize: [18, 18], iconAnchor: [9, 9] });

/** The count inside a ring whose colours show the mix of statuses; bigger for bigger clusters. */
export function clusterIcon(count: number, counts: StatusCounts) {
  let start = 0;
  const stops = TRADER_MAP_STATUSES.map((status) => {
    const end = start + (counts[status] / count) * 100;
    const stop = `${STATUS_COLOURS[status]} ${start.toFixed(1)}% ${end.toFixed(1)}%`;
    start = end;
    return stop;
  });
  const size = Math.round(30 + Math.min(22, Math.log10(count) * 7));
  const text = count >= 10_000 ? `${Math.round(count / 1000)}k` : String(count);
  return divIcon({
    className: "trader-cluster",
    html: `<span style="width:${size}px;height:${size}px;background:conic-gradient(${stops.join(",")})"><b>${text}</b></span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}
