// Branch progress against the campaign's targets. Progress is always computed from records.

export const DEFAULT_MARKETS_WITH_MOU_TARGET = 2;

export type TrafficLight = "green" | "amber" | "red";

/** Green when met, amber when exactly one is missing, red otherwise (including none at all). */
export function trafficLight(achieved: number, target: number): TrafficLight {
  if (achieved >= target) return "green";
  if (achieved > 0 && target - achieved === 1) return "amber";
  return "red";
}

/** First and last day (YYYY-MM-DD) of the month that contains a local date. */
export function monthRange(localDate: string): { first: string; last: string } {
  const [year, month] = localDate.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = localDate.slice(0, 7);
  return { first: `${prefix}-01`, last: `${prefix}-${String(lastDay).padStart(2, "0")}` };
}
