import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n/react";

export interface TraderChange {
  id: number;
  changedAt: string;
  changedBy: string;
  changes: Record<string, [unknown, unknown]>;
}

/** Each edit of a trader with every field's old and new value, newest first. */
export function TraderHistory({ history, programmeNames, timeZone }: { history: TraderChange[]; programmeNames: Record<number, string>; timeZone: string }) {
  const { t, rupiah, date, dateTime } = useI18n();
  if (history.length === 0) return <p className="muted">{t("traders.historyEmpty")}</p>;
  const show = (field: string, value: unknown): string => {
    if (value == null || value === "") return t("common.none");
    switch (field) {
      case "nominal":
        return rupiah(Number(value));
      case "jht":
      case "whatsapp":
        return t(value ? "common.yes" : "common.no");
      case "sex":
      case "commodity":
      case "payer_type":
        return t(`${field === "payer_type" ? "payer" : field}.${String(value)}` as MessageKey);
      case "status":
        return t(`traders.status.${String(value)}` as MessageKey);
      case "birth_date":
        return date(String(value));
      case "sponsor_programme_id":
        return programmeNames[Number(value)] ?? `#${String(value)}`;
      default:
        return String(value);
    }
  };
  return (
    <ol className="plain-list trader-history">
      {history.map((entry) => (
        <li key={entry.id}>
          <p className="muted small-text">{t("traders.changedBy", { name: entry.changedBy, when: dateTime(entry.changedAt, timeZone) })}</p>
          <ul>
            {Object.entries(entry.changes).map(([field, [before, after]]) => (
              <li key={field}>
                <strong>{t(`traders.field.${field}` as MessageKey)}</strong>: {show(field, before)} → {show(field, after)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
