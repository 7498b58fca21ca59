import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import type { Role } from "../../db/schema";
import { DEFAULT_LOCALE, translate, type Locale, type MessageKey } from "./index";
import { formatRupiah, formatInteger } from "../domain/money";
import { formatDate, formatDateTime } from "../domain/business-day";

export interface RootData {
  locale: Locale;
  csrfToken: string;
  user: { name: string; email: string; role: Role; homeLabel: string } | null;
  map: { tileUrl: string; tileAttribution: string };
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>("root");
}

/** Translation and formatting in the caller's language; falls back to Indonesian on error pages. */
export function useI18n() {
  const locale = useRootData()?.locale ?? DEFAULT_LOCALE;
  const t = useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars),
    [locale],
  );
  return {
    locale,
    t,
    rupiah: (amount: number) => formatRupiah(amount, locale),
    integer: (value: number) => formatInteger(value, locale),
    date: (isoDate: string) => formatDate(isoDate, locale),
    dateTime: (instantIso: string, timeZone: string) => formatDateTime(instantIso, timeZone, locale),
  };
}
