import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n";
import { languageCookie } from "./cookies.server";

/** The remembered language choice; Indonesian unless the person picked English. */
export async function localeFromRequest(request: Request): Promise<Locale> {
  const value = await languageCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
