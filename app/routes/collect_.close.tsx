import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { closeDay, loadDayClosing, reopenDay } from "../models/collection-days.server";
import { listCollectingMarkets } from "../models/collection-sheet.server";
import { COLLECTION_ROLES, collectMarketId, NOTE_MAX, REASON_MAX, REOPEN_ROLES } from "../domain/collections";
import { parseRupiah } from "../domain/money";
import { CollectMarketChoice } from "../components/collect-market-choice";
import { ConfirmButton, FieldError, PostForm } from "../components/forms";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Tutup hari · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: COLLECTION_ROLES });
  const marketId = collectMarketId(user.scope, new URL(request.url).searchParams.get("market"));
  if (marketId == null) return json({ markets: await listCollectingMarkets(getDb(), user.scope), closing: null, canReopen: false });
  const closing = await loadDayClosing(getDb(), user.scope, marketId);
  if (!closing) throw notFound(request);
  return json({ markets: null, closing, canReopen: REOPEN_ROLES.includes(user.role) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: COLLECTION_ROLES });
  const form = await request.formData();
  const marketId = collectMarketId(user.scope, String(form.get("marketId") ?? ""));
  if (marketId == null) throw notFound(request);
  const date = String(form.get("businessDate") ?? "");
  const intent = form.get("intent");
  if (intent === "reopen" && !REOPEN_ROLES.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  const outcome =
    intent === "reopen"
      ? await reopenDay(getDb(), user.scope, { marketId, businessDate: date, reason: String(form.get("reason") ?? ""), userId: user.id })
      : await closeDay(getDb(), user.scope, {
          marketId,
          businessDate: date,
          countedCash: parseRupiah(String(form.get("countedCash") ?? "")),
          note: String(form.get("note") ?? ""),
          userId: user.id,
        });
  if (!outcome.ok && outcome.error === "collections.close.notFound") throw notFound(request);
  if (!outcome.ok) return json({ error: outcome.error, date, done: null }, { status: 400 });
  return json({ error: null, date, done: intent === "reopen" ? ("collections.reopen.done" as const) : ("collections.close.done" as const) });
}

function CloseDayForm({ marketId, date, recorded, error }: { marketId: number; date: string; recorded: number; error: string | null }) {
  const { t, rupiah, date: formatDate } = useI18n();
  const [counted, setCounted] = useState("");
  const countedValue = parseRupiah(counted);
  const variance = countedValue == null ? null : countedValue - recorded;
  return (
    <PostForm className="close-day-form">
      <input type="hidden" name="intent" value="close" />
      <input type="hidden" name="marketId" value={marketId} />
      <input type="hidden" name="businessDate" value={date} />
      <div className="field">
        <label htmlFor={`counted-${date}`}>{t("collections.close.counted")}</label>
        <input id={`counted-${date}`} name="countedCash" inputMode="numeric" required value={counted} onChange={(event) => setCounted(event.target.value)} />
      </div>
      <p aria-live="polite">
        {t("collections.close.variance")}: <strong className={variance ? "variance-off" : undefined}>{variance == null ? "—" : rupiah(variance)}</strong>
      </p>
      <div className="field">
        <label htmlFor={`note-${date}`}>{t("collections.close.note")}</label>
        <textarea id={`note-${date}`} name="note" maxLength={NOTE_MAX} required={variance != null && variance !== 0} rows={2} />
        <p className="hint">{t("collections.close.noteHint")}</p>
      </div>
      <FieldError id={`close-error-${date}`} error={error} />
      <ConfirmButton className="button primary" message={t("collections.close.confirm", { date: formatDate(date) })}>
        {t("collections.close.submit", { date: formatDate(date) })}
      </ConfirmButton>
    </PostForm>
  );
}

export default function CloseDayPage() {
  const { t, rupiah, date, dateTime } = useI18n();
  const { markets, closing, canReopen } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!closing) return <CollectMarketChoice markets={markets ?? []} path="/collect/close" />;
  const sheetLink = canReopen ? `/collect?market=${closing.market.id}` : "/collect";
  const errorFor = (day: string) => (result?.error && result.date === day ? result.error : null);
  return (
    <div className="narrow">
      <h1>
        {t("collections.close.title")} · {closing.market.name}
      </h1>
      <p className="muted">{t("collections.close.intro")}</p>
      <p>
        <Link to={sheetLink}>{t("collections.receipt.back")}</Link>
      </p>
      {result?.done ? <p className="notice" role="status">{t(result.done, { date: date(result.date) })}</p> : null}
      <h2>{t("collections.close.openDays")}</h2>
      {closing.open.length === 0 ? <p className="empty">{t("collections.close.noOpen")}</p> : null}
      {closing.open.map((day) => (
        <section key={day.business_date} className="card" aria-labelledby={`day-${day.business_date}`}>
          <h3 id={`day-${day.business_date}`}>{date(day.business_date)}</h3>
          {day.reopen_reason ? <p className="muted">{t("collections.close.reopenedNote", { reason: day.reopen_reason })}</p> : null}
          <p>
            {t("collections.close.recorded")}: <strong>{rupiah(day.recorded)}</strong> · {t("collections.close.entries", { count: day.entries })}
          </p>
          <CloseDayForm marketId={closing.market.id} date={day.business_date} recorded={day.recorded} error={errorFor(day.business_date)} />
        </section>
      ))}
      <h2>{t("collections.close.closedDays")}</h2>
      {closing.closed.length === 0 ? <p className="empty">{t("collections.close.noClosed")}</p> : null}
      <ul className="plain-list closed-days">
        {closing.closed.map((day) => (
          <li key={day.business_date}>
            <strong>{date(day.business_date)}</strong> · {t("collections.close.recorded")} {rupiah(day.recorded_total ?? 0)} · {t("collections.close.counted")}{" "}
            {rupiah(day.counted_cash ?? 0)} · {t("collections.close.variance")} <span className={day.variance ? "variance-off" : undefined}>{rupiah(day.variance ?? 0)}</span>
            {day.note ? <div className="muted">“{day.note}”</div> : null}
            <div className="muted small-text">
              {t("collections.close.closedBy")} {day.closed_by} · {day.closed_at ? dateTime(day.closed_at, closing.timeZone) : ""}
            </div>
            {canReopen ? (
              <details>
                <summary>{t("collections.reopen.submit")}</summary>
                <PostForm className="inline-form">
                  <input type="hidden" name="intent" value="reopen" />
                  <input type="hidden" name="marketId" value={closing.market.id} />
                  <input type="hidden" name="businessDate" value={day.business_date} />
                  <label htmlFor={`reopen-${day.business_date}`}>{t("collections.reopen.reason")}</label>
                  <input id={`reopen-${day.business_date}`} name="reason" required maxLength={REASON_MAX} />
                  <button type="submit" className="button">{t("collections.reopen.submit")}</button>
                  <FieldError id={`reopen-error-${day.business_date}`} error={errorFor(day.business_date)} />
                </PostForm>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t("collections.close.history")}</h2>
      <ul className="plain-list">
        {closing.events.map((event) => (
          <li key={event.id} className="small-text">
            {date(event.business_date)} · {t(`collections.close.event.${event.kind}`)} · {event.user_name} · {dateTime(event.created_at, closing.timeZone)}
            {event.note ? ` · “${event.note}”` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
