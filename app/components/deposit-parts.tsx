import type { DepositStatus, TraderCoverageStatus } from "../../db/schema";
import { useI18n } from "../i18n/react";

export function DepositStatusBadge({ status }: { status: DepositStatus }) {
  const { t } = useI18n();
  return <span className={`badge deposit-${status}`}>{t(`deposits.status.${status}`)}</span>;
}

export function CoverageStatusBadge({ status }: { status: TraderCoverageStatus }) {
  const { t } = useI18n();
  return <span className={`badge coverage-${status}`}>{t(`coverage.status.${status}`)}</span>;
}

/** A signed rupiah difference: zero plain, anything else marked so it stands out. */
export function Difference({ amount }: { amount: number }) {
  const { rupiah } = useI18n();
  if (amount === 0) return <span>{rupiah(0)}</span>;
  return <strong className="difference">{amount > 0 ? "+" : ""}{rupiah(amount)}</strong>;
}

/** A labelled market <select> for GET filter forms; the empty option means "none chosen" / "all". */
export function MarketSelect({
  markets,
  value,
  label,
  emptyLabel,
}: {
  markets: { id: number; name: string; branch_code: string }[];
  value: number | string | null | undefined;
  label: string;
  emptyLabel: string;
}) {
  return (
    <div className="field">
      <label htmlFor="market">{label}</label>
      <select id="market" name="market" defaultValue={value ?? ""}>
        <option value="">{emptyLabel}</option>
        {markets.map((market) => <option key={market.id} value={market.id}>{market.name} ({market.branch_code})</option>)}
      </select>
    </div>
  );
}
