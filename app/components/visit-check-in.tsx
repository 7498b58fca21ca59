import { useNavigation, useSubmit } from "@remix-run/react";
import { useRef, useState } from "react";
import type { CoordPrecision } from "../../db/schema";
import { useI18n } from "../i18n/react";
import { PostForm } from "./forms";
import { useDistanceLabel } from "./visit-list";

type LocationState = "idle" | "locating" | "unavailable" | "denied";

/**
 * Fills hidden coordinates from the browser's geolocation and submits. When the device gives no
 * location, says so and offers to check in without one: arriving counts more than the coordinates.
 */
export function CheckInForm() {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const navigation = useNavigation();
  const [state, setState] = useState<LocationState>("idle");
  const locate = () => {
    if (!("geolocation" in navigator)) return setState("unavailable");
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const form = formRef.current;
        if (!form) return;
        const set = (name: string, value: number) => ((form.elements.namedItem(name) as HTMLInputElement).value = String(value));
        set("lat", position.coords.latitude);
        set("lng", position.coords.longitude);
        set("accuracy", Math.round(position.coords.accuracy));
        setState("idle");
        submit(form);
      },
      () => setState("denied"),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  const busy = state === "locating" || navigation.state !== "idle";
  return (
    <PostForm ref={formRef}>
      <input type="hidden" name="intent" value="checkIn" />
      <input type="hidden" name="lat" defaultValue="" />
      <input type="hidden" name="lng" defaultValue="" />
      <input type="hidden" name="accuracy" defaultValue="" />
      <p className="hint">{t("visits.checkIn.hint")}</p>
      <button type="button" className="primary" onClick={locate} disabled={busy}>
        {state === "locating" ? t("visits.checkIn.locating") : t("visits.checkIn.button")}
      </button>
      {state === "unavailable" || state === "denied" ? (
        <>
          <p className="form-error" role="alert">{t(state === "denied" ? "visits.checkIn.denied" : "visits.checkIn.unavailable")}</p>
          <button type="submit" disabled={busy}>{t("visits.checkIn.withoutLocation")}</button>
        </>
      ) : null}
    </PostForm>
  );
}

interface CheckedIn {
  checked_in_at: string;
  checked_in_by_name: string | null;
  check_in_distance_m: number | null;
  check_in_accuracy_m: number | null;
  check_in_lat: number | null;
  market_lat: number | null;
  coord_precision: CoordPrecision;
  time_zone: string;
  farFromMarket: boolean;
}

/** When and by whom, how far from the market's pin, and a warning (never a block) beyond a kilometre. */
export function CheckInResult({ visit }: { visit: CheckedIn }) {
  const { t, dateTime, integer } = useI18n();
  const distance = useDistanceLabel();
  return (
    <div className="check-in-result">
      <p>{t("visits.checkIn.done", { time: dateTime(visit.checked_in_at, visit.time_zone), name: visit.checked_in_by_name ?? "" })}</p>
      {visit.check_in_lat == null ? <p className="muted">{t("visits.checkIn.noCoords")}</p> : null}
      {visit.check_in_lat != null && visit.market_lat == null ? <p className="muted">{t("visits.checkIn.noMarketPin")}</p> : null}
      {visit.check_in_distance_m != null ? (
        <p>
          {t("visits.checkIn.distance", { distance: distance(visit.check_in_distance_m) })}
          {visit.check_in_accuracy_m != null ? ` (${t("visits.checkIn.accuracy", { metres: integer(Math.round(visit.check_in_accuracy_m)) })})` : null}
        </p>
      ) : null}
      {visit.farFromMarket ? (
        <p className="warning" role="status">{t("visits.checkIn.far", { precision: t(`precision.${visit.coord_precision}`) })}</p>
      ) : null}
    </div>
  );
}
