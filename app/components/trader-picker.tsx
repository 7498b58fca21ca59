import { useMemo, useRef, useState, type ReactNode, type UIEvent } from "react";
import { useI18n } from "../i18n/react";
import { filterTraders, searchIndexOf, type SheetTrader } from "../domain/collections";

// The sheet's trader list: filtered on the phone (the whole market arrives once as compact rows) and drawn as a
// window of fixed-height rows, so 3,000 traders cost the same as 20 to render and scroll.

const ROW_HEIGHT = 64;
const VISIBLE_ROWS = 9;
const OVERSCAN = 6;

/** `children` (the chosen trader's panel) sits between the search box and the list, where the eye already is. */
export function TraderPicker({ traders, onPick, children }: { traders: SheetTrader[]; onPick: (id: number) => void; children?: ReactNode }) {
  const { t, rupiah } = useI18n();
  const [query, setQuery] = useState("");
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef<number | null>(null);
  const index = useMemo(() => searchIndexOf(traders), [traders]);
  const matches = useMemo(() => filterTraders(traders, index, query), [traders, index, query]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    if (frame.current != null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(top));
  };
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(matches.length, Math.ceil(scrollTop / ROW_HEIGHT) + VISIBLE_ROWS + OVERSCAN);

  return (
    <div className="trader-picker">
      <label htmlFor="trader-search" className="visually-hidden">
        {t("collections.search")}
      </label>
      <input
        id="trader-search"
        type="search"
        inputMode="search"
        autoComplete="off"
        placeholder={t("collections.search")}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setScrollTop(0);
        }}
      />
      <p className="hint" aria-live="polite">
        {matches.length === 0 ? t("collections.noMatches") : t("collections.matches", { count: matches.length })}
      </p>
      {children}
      <div
        className="trader-window"
        style={{ height: Math.min(matches.length, VISIBLE_ROWS) * ROW_HEIGHT || ROW_HEIGHT }}
        onScroll={onScroll}
        key={query}
      >
        <ul style={{ height: matches.length * ROW_HEIGHT }} aria-label={t("collections.trader")}>
          {matches.slice(first, last).map((trader, offset) => {
            const [id, name, stall, nikTail, , premium, monthPaid, todayPaid] = trader;
            const position = first + offset;
            const progress = premium > 0 ? Math.min(100, Math.round((monthPaid / premium) * 100)) : 0;
            return (
              <li key={id} style={{ top: position * ROW_HEIGHT, height: ROW_HEIGHT }} aria-setsize={matches.length} aria-posinset={position + 1}>
                <button type="button" className="trader-row" onClick={() => onPick(id)}>
                  <span className="trader-row-main">
                    <strong>{name}</strong>
                    <span className="muted">
                      {stall ? `${stall} · ` : ""}…{nikTail}
                    </span>
                  </span>
                  <span className="trader-row-paid">
                    {todayPaid !== 0 ? <span className="paid-today">{t("collections.paidToday", { amount: rupiah(todayPaid) })}</span> : null}
                    <span className="month-bar" aria-hidden="true">
                      <span style={{ width: `${progress}%` }} />
                    </span>
                    <span className="muted small-text">
                      {premium > 0 && monthPaid >= premium
                        ? t("collections.monthDone")
                        : t("collections.monthProgress", { paid: rupiah(monthPaid), premium: rupiah(premium) })}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
