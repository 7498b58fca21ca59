import { Link } from "@remix-run/react";
import { useI18n } from "../i18n/react";
import { ConfirmButton, PostForm } from "./forms";
import { REASON_MAX } from "../domain/collections";

// Today's ledger entries on the sheet, newest first, each with its receipt and, where the user may, a reversal
// form (reason required, confirmed). The server re-checks who may reverse what.

export interface SheetEntry {
  id: number;
  receipt_number: string;
  kind: "payment" | "reversal";
  amount: number;
  collected_at: string;
  collector_user_id: number;
  full_name: string;
  collector_name: string;
  reversed: boolean;
}

interface Props {
  entries: SheetEntry[];
  /** Today's net total and number of entries, of which `entries` may be only the newest. */
  total: number;
  count: number;
  moreLink: string | null;
  timeZone: string;
  userId: number;
  /** Branch staff and above may reverse any entry; a collector only their own while the day is open. */
  canReverseAny: boolean;
  dayClosed: boolean;
}

export function CollectionEntries({ entries, total, count, moreLink, timeZone, userId, canReverseAny, dayClosed }: Props) {
  const { t, rupiah, dateTime } = useI18n();
  return (
    <section aria-labelledby="entries-title" className="collection-entries">
      <h2 id="entries-title">
        {t("collections.entriesTitle")} · {rupiah(total)}
      </h2>
      {entries.length === 0 ? <p className="muted">{t("collections.noEntries")}</p> : null}
      <ul className="entry-list">
        {entries.map((entry) => {
          const mayReverse = entry.kind === "payment" && !entry.reversed && (canReverseAny || (entry.collector_user_id === userId && !dayClosed));
          return (
            <li key={entry.id} className={entry.kind === "reversal" ? "entry reversal" : entry.reversed ? "entry reversed" : "entry"}>
              <div className="entry-main">
                <strong>{entry.full_name}</strong>
                <span className="entry-amount">{rupiah(entry.amount)}</span>
              </div>
              <div className="muted small-text">
                {dateTime(entry.collected_at, timeZone).split(" ").slice(-2).join(" ")} · <Link to={`/receipts/${entry.receipt_number}`}>{entry.receipt_number}</Link>
                {entry.kind === "reversal" ? ` · ${t("collections.reversal")}` : null}
                {entry.reversed ? ` · ${t("collections.reversed")}` : null}
                {entry.collector_user_id !== userId ? ` · ${entry.collector_name}` : null}
              </div>
              {mayReverse ? (
                <details className="reverse-entry">
                  <summary>{t("collections.reverse")}</summary>
                  <PostForm>
                    <input type="hidden" name="intent" value="reverse" />
                    <input type="hidden" name="entryId" value={entry.id} />
                    <label htmlFor={`reason-${entry.id}`}>{t("collections.reverseReason")}</label>
                    <input id={`reason-${entry.id}`} name="reason" required maxLength={REASON_MAX} />
                    <ConfirmButton className="button danger" message={t("collections.reverseConfirm", { receipt: entry.receipt_number })}>
                      {t("collections.reverse")}
                    </ConfirmButton>
                  </PostForm>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      {moreLink && count > entries.length ? (
        <p>
          <Link to={moreLink}>{t("collections.showAllEntries", { shown: entries.length, count })}</Link>
        </p>
      ) : null}
    </section>
  );
}
