import type { PremiumQuote } from "../domain/premium";
import { formatMonth } from "../domain/month-format";
import { useI18n } from "../i18n/react";

/** A month's premium with its parts, the rate period and any discount that applied. */
export function PremiumBreakdown({ quote }: { quote: PremiumQuote }) {
  const { t, rupiah, locale } = useI18n();
  const parts = [`JKK ${rupiah(quote.jkk)}`, `JKM ${rupiah(quote.jkm)}`, ...(quote.jht > 0 ? [`JHT ${rupiah(quote.jht)}`] : [])];
  return (
    <div className="premium-quote">
      <p className="muted">{t("traders.premiumFor", { month: formatMonth(quote.month, locale) })}</p>
      <p className="big" data-testid="month-premium">{rupiah(quote.total)}</p>
      <p>{parts.join(" + ")}</p>
      <p className="hint">
        {t("traders.ratePeriod", { label: quote.ratePeriod.label })}
        {quote.discount ? ` · ${t("traders.discountApplied", { label: quote.discount.label })}` : ` · ${t("traders.noDiscount")}`}
      </p>
    </div>
  );
}
