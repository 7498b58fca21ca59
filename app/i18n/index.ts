import { core } from "./messages/core";
import { progress } from "./messages/progress";
import { markets } from "./messages/markets";
import { visits } from "./messages/visits";
import { imports } from "./messages/imports";
import { mous } from "./messages/mous";
import { traders } from "./messages/traders";
import { deposits } from "./messages/deposits";
import { map } from "./messages/map";
import { collections } from "./messages/collections";
import { dashboard } from "./messages/dashboard";

export type Locale = "id" | "en";
export const LOCALES: Locale[] = ["id", "en"];
export const DEFAULT_LOCALE: Locale = "id";

// Each feature keeps its messages in its own module under messages/; add new modules here.
const modules = [core, progress, markets, visits, imports, mous, traders, deposits, map, collections, dashboard];

const id = Object.assign({}, ...modules.map((m) => m.id)) as UnionToRecord<(typeof modules)[number]["id"]>;
const en = Object.assign({}, ...modules.map((m) => m.en)) as typeof id;

type UnionToRecord<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
export type MessageKey = keyof typeof id & string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

export function isLocale(value: unknown): value is Locale {
  return value === "id" || value === "en";
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && value in id;
}

/** `translate("en", "home.greeting", { name: "Sari" })` fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = dictionaries[locale][key] ?? id[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
