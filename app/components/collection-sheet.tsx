import { Link } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useI18n, useRootData } from "../i18n/react";
import { isMessageKey } from "../i18n";
import { withPayment, type SheetTrader } from "../domain/collections";
import { deviceId, newIdempotencyKey, sendEntry, type OutgoingEntry } from "./record-collection";
import { TraderPicker } from "./trader-picker";
import { CollectionEntries, type SheetEntry } from "./collection-entries";

// The collector's sheet on the phone: find a trader, tap a quick amount (two taps in all), see the receipt.
// Saved entries update the list at once, without reloading 3,000 traders; a reload brings the server's view.

type Status =
  | { kind: "idle" }
  | { kind: "saving"; attempt: number }
  | { kind: "saved"; receiptNumber: string; amount: number; name: string }
  | { kind: "refused"; reason: string }
  | { kind: "failed"; entry: OutgoingEntry; name: string };

export interface SheetProps {
  traders: SheetTrader[];
  entries: SheetEntry[];
  total: number;
  closeLink: string;
  entryCount: number;
  moreLink: string | null;
  timeZone: string;
  userId: number;
  canReverseAny: boolean;
  dayClosed: boolean;
}

export function CollectionSheetView({ traders, entries, total, closeLink, entryCount, moreLink, timeZone, userId, canReverseAny, dayClosed }: SheetProps) {
  const { t, rupiah } = useI18n();
  const root = useRootData();
  const [selected, setSelected] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [paid, setPaid] = useState(new Map<number, number>());
  const [added, setAdded] = useState<SheetEntry[]>([]);
  const [typed, setTyped] = useState("");
  const panel = useRef<HTMLElement>(null);

  // Fresh loader data already contains what was added locally. Dropped during the render, not in an effect: a
  // render with both would draw an entry twice under one React key, and React may then leave the stale copy behind.
  const [loaded, setLoaded] = useState({ traders, entries });
  if (loaded.traders !== traders || loaded.entries !== entries) {
    setLoaded({ traders, entries });
    setPaid(new Map());
    setAdded([]);
  }

  const withLocal = useMemo(
    () =>
      paid.size === 0
        ? traders
        : traders.map((row): SheetTrader => {
            const added = paid.get(row[0]);
            return added == null ? row : withPayment(row, added);
          }),
    [traders, paid]
  );
  const trader = selected == null ? null : withLocal.find((row) => row[0] === selected) ?? null;

  useEffect(() => {
    if (selected != null) panel.current?.focus();
  }, [selected]);

  async function send(entry: OutgoingEntry, name: string) {
    setStatus({ kind: "saving", attempt: 0 });
    const outcome = await sendEntry(entry, root?.csrfToken ?? "", (attempt) => setStatus({ kind: "saving", attempt }));
    if (outcome.kind === "saved") {
      setPaid((current) => new Map(current).set(entry.traderId, (current.get(entry.traderId) ?? 0) + entry.amount));
      setAdded((current) => [
        {
          id: outcome.entryId,
          receipt_number: outcome.receiptNumber,
          kind: "payment",
          amount: entry.amount,
          collected_at: entry.collectedAt,
          collector_user_id: userId,
          full_name: name,
          collector_name: root?.user?.name ?? "",
          reversed: false,
        },
        ...current,
      ]);
      setStatus({ kind: "saved", receiptNumber: outcome.receiptNumber, amount: entry.amount, name });
      setTyped("");
    } else if (outcome.kind === "refused") setStatus({ kind: "refused", reason: outcome.reason });
    else if (outcome.kind === "rejected") setStatus({ kind: "refused", reason: t("collections.requestFailed", { status: outcome.status }) });
    else setStatus({ kind: "failed", entry, name });
  }

  const record = (amount: number) => {
    if (!trader || status.kind === "saving") return;
    const entry = { idempotencyKey: newIdempotencyKey(), traderId: trader[0], amount, collectedAt: new Date().toISOString(), deviceId: deviceId() };
    void send(entry, trader[1]);
  };

  const typedAmount = /^\d{1,9}$/.test(typed.replace(/\./g, "")) ? Number(typed.replace(/\./g, "")) : null;
  // What makes this month paid: earlier months owed come first.
  const remaining = trader ? trader[8] + Math.max(0, trader[5] - trader[6]) : 0;

  // Shown inside the trader's panel, where the collector is looking, or under the list once it is closed.
  const saveStatus = (
    <div className="save-status" role="status" aria-live="polite">
      {status.kind === "saving" ? (
        <p>{status.attempt === 0 ? t("collections.saving") : t("collections.retrying", { attempt: status.attempt })}</p>
      ) : null}
      {status.kind === "saved" ? (
        <p className="notice success">
          {t("collections.saved", { amount: rupiah(status.amount), name: status.name, receipt: status.receiptNumber })}{" "}
          <Link to={`/receipts/${status.receiptNumber}`}>{t("collections.viewReceipt")}</Link>
        </p>
      ) : null}
      {status.kind === "refused" ? <p className="field-error">{isMessageKey(status.reason) ? t(status.reason) : status.reason}</p> : null}
      {status.kind === "failed" ? (
        <p className="field-error">
          {t("collections.failed")}{" "}
          <button type="button" className="button" onClick={() => void send(status.entry, status.name)}>
            {t("collections.retry")}
          </button>
        </p>
      ) : null}
    </div>
  );

  const localTotal = total + added.reduce((sum, entry) => sum + entry.amount, 0);

  return (
    <>
      <p className="collect-total">
        <span className="muted">{t("collections.todayTotal")}</span> <strong>{rupiah(localTotal)}</strong> · <Link to={closeLink}>{t("collections.closeDayLink")}</Link>
      </p>
      <TraderPicker
        traders={withLocal}
        onPick={(id) => {
          setSelected(id);
          if (status.kind !== "saving" && status.kind !== "failed") setStatus({ kind: "idle" });
        }}
      >
        {trader ? (
          <section className="trader-panel" aria-labelledby="panel-title" tabIndex={-1} ref={panel}>
            <div className="trader-panel-head">
              <h2 id="panel-title">{trader[1]}</h2>
              <button type="button" className="link-button" onClick={() => setSelected(null)}>
                {t("collections.closePanel")}
              </button>
            </div>
            <p className="muted">
              {trader[2] ? `${trader[2]} · ` : ""}
              {t("collections.paidToday", { amount: rupiah(trader[7]) })} ·{" "}
              {t("collections.monthProgress", { paid: rupiah(trader[6]), premium: rupiah(trader[5]) })}
              {trader[8] > 0 ? (
                <>
                  {" · "}
                  <strong className="warn-text">{t("collections.owedEarlier", { amount: rupiah(trader[8]) })}</strong>
                </>
              ) : null}
            </p>
            <div className="quick-amounts">
              {trader[4] > 0 ? (
                <button type="button" className="button primary" disabled={dayClosed || status.kind === "saving"} onClick={() => record(trader[4])}>
                  {t("collections.daily", { amount: rupiah(trader[4]) })}
                </button>
              ) : null}
              {remaining > 0 && remaining !== trader[4] ? (
                <button type="button" className="button" disabled={dayClosed || status.kind === "saving"} onClick={() => record(remaining)}>
                  {t("collections.restOfMonth", { amount: rupiah(remaining) })}
                </button>
              ) : null}
            </div>
            <form
              className="typed-amount"
              onSubmit={(event) => {
                event.preventDefault();
                if (typedAmount) record(typedAmount);
              }}
            >
              <label htmlFor="typed-amount">{t("collections.otherAmount")}</label>
              <input
                id="typed-amount"
                inputMode="numeric"
                pattern="[0-9.]*"
                autoComplete="off"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
              <button type="submit" className="button" disabled={!typedAmount || dayClosed || status.kind === "saving"}>
                {t("collections.save")}
              </button>
            </form>
            {saveStatus}
          </section>
        ) : (
          saveStatus
        )}
      </TraderPicker>
      <CollectionEntries
        entries={[...added, ...entries]}
        total={localTotal}
        count={entryCount + added.length}
        moreLink={moreLink}
        timeZone={timeZone}
        userId={userId}
        canReverseAny={canReverseAny}
        dayClosed={dayClosed}
      />
    </>
  );
}
