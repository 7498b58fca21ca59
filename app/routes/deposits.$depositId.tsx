import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findDeposit, reviewDeposit } from "../models/deposits.server";
import { DEPOSIT_VERIFIER_ROLES, mayReview, NOTE_MAX, verifySchema } from "../domain/deposit-form";
import { fieldErrorsOf } from "../domain/user-form";
import { ConfirmButton, FieldError, PostForm } from "../components/forms";
import { DepositStatusBadge, Difference } from "../components/deposit-parts";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Setoran · Pasar Terlindungi" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const deposit = await findDeposit(getDb(), user.scope, requireIdParam(params.depositId));
  if (!deposit) throw notFound(request);
  return json({
    deposit,
    canReview: mayReview({ status: deposit.status, recordedByUserId: deposit.recorded_by_user_id }, user),
    isRecorder: deposit.recorded_by_user_id === user.id,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: DEPOSIT_VERIFIER_ROLES });
  const db = getDb();
  const deposit = await findDeposit(db, user.scope, requireIdParam(params.depositId));
  if (!deposit) throw notFound(request);
  const parsed = verifySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error), done: null }, { status: 400 });
  const outcome = await reviewDeposit(db, user.scope, { depositId: deposit.id, reviewerId: user.id, ...parsed.data });
  if (outcome === "not_found") throw notFound(request);
  if (outcome) return json({ errors: { form: outcome.error } as Record<string, string>, done: null }, { status: 409 });
  return json({ errors: {} as Record<string, string>, done: parsed.data.verdict === "verify" ? ("deposits.verified" as const) : ("deposits.rejected" as const) });
}

export default function DepositPage() {
  const { t, rupiah, date, dateTime } = useI18n();
  const { deposit, canReview, isRecorder } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const notice = result?.done ?? (params.get("saved") ? "deposits.saved" : null);
  const errors = result?.errors ?? {};
  return (
    <section className="narrow wide-narrow">
      <p><Link to="/deposits">← {t("deposits.title")}</Link></p>
      <h1>{deposit.market_name}: {rupiah(deposit.amount)}</h1>
      <p><DepositStatusBadge status={deposit.status} /></p>
      {notice ? <p role="status" className="notice">{t(notice)}</p> : null}
      <FieldError id="form-error" error={errors.form} />
      <dl className="facts card">
        <div><dt>{t("deposits.channel")}</dt><dd>{t(`deposits.channel.${deposit.channel}`)}</dd></div>
        <div><dt>{t("deposits.reference")}</dt><dd>{deposit.reference}</dd></div>
        <div><dt>{t("deposits.depositDate")}</dt><dd>{date(deposit.deposit_date)}</dd></div>
        <div><dt>{t("deposits.counted")}</dt><dd>{rupiah(deposit.counted)}</dd></div>
        <div><dt>{t("deposits.difference")}</dt><dd><Difference amount={deposit.difference} /></dd></div>
        {deposit.note ? <div><dt>{t("deposits.note")}</dt><dd>{deposit.note}</dd></div> : null}
        <div><dt>{t("deposits.recordedBy")}</dt><dd>{deposit.recorded_by} · {dateTime(deposit.recorded_at, deposit.time_zone)}</dd></div>
        {deposit.reviewed_by && deposit.verified_at ? (
          <div><dt>{t("deposits.reviewedBy")}</dt><dd>{deposit.reviewed_by} · {dateTime(deposit.verified_at, deposit.time_zone)}</dd></div>
        ) : null}
        {deposit.rejection_reason ? <div><dt>{t("deposits.rejectionReason")}</dt><dd>{deposit.rejection_reason}</dd></div> : null}
      </dl>
      <section className="card" aria-labelledby="deposit-days">
        <h2 id="deposit-days">{t("deposits.days")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("deposits.date")}</th>
                <th scope="col" className="num">{t("deposits.recorded")}</th>
                <th scope="col" className="num">{t("deposits.counted")}</th>
                <th scope="col">{t("deposits.closeNote")}</th>
              </tr>
            </thead>
            <tbody>
              {deposit.days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{date(day.date)}</th>
                  <td className="num">{day.recorded_total == null ? t("common.none") : rupiah(day.recorded_total)}</td>
                  <td className="num">{day.counted_cash == null ? t("common.none") : rupiah(day.counted_cash)}</td>
                  <td>{day.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {canReview && !result?.done ? (
        <PostForm className="card" noValidate>
          <h2>{t("deposits.review")}</h2>
          <p className="hint">{t("deposits.reviewHint")}</p>
          <div className="field">
            <label htmlFor="reason">{t("deposits.reason")}</label>
            <textarea id="reason" name="reason" rows={2} maxLength={NOTE_MAX} aria-describedby={errors.reason ? "reason-error" : undefined} />
            <FieldError id="reason-error" error={errors.reason} />
          </div>
          <p className="actions-row">
            <button type="submit" name="verdict" value="verify" className="primary" disabled={busy}>{t("deposits.verify")}</button>
            <ConfirmButton name="verdict" value="reject" message={t("deposits.rejectConfirm")} disabled={busy}>{t("deposits.reject")}</ConfirmButton>
          </p>
        </PostForm>
      ) : null}
      {isRecorder && deposit.status === "recorded" ? <p className="muted">{t("deposits.ownDepositNote")}</p> : null}
    </section>
  );
}
