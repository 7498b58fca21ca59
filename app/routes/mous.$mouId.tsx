import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findMou, listCollectorOptions, listMouCollectors, listMouHistory, renewMou, transitionMou, updateMouTerms } from "../models/mous.server";
import { actionsAvailable, type MouAction } from "../domain/mou-status";
import { formToObject, mouSigningSchema, mouTermsSchema } from "../domain/mou-form";
import { fieldErrorsOf } from "../domain/user-form";
import { PostForm } from "../components/forms";
import { MouStatusBadge, MouTermsFields } from "../components/mou-forms";
import { MouActions, MouScan } from "../components/mou-detail";
import { useI18n } from "../i18n/react";
import { isMessageKey } from "../i18n";

export const meta: MetaFunction = () => [{ title: "MoU · Pasar Terlindungi" }];

const STAFF = ["admin", "regional_head", "branch_staff"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const mou = await findMou(db, user.scope, requireIdParam(params.mouId));
  if (!mou) throw notFound(request);
  const [collectors, collectorOptions, history] = await Promise.all([
    listMouCollectors(db, mou.id),
    listCollectorOptions(db, mou.market_id),
    listMouHistory(db, mou.id),
  ]);
  const canEdit = (STAFF as readonly string[]).includes(user.role);
  return json({ mou, collectors, collectorOptions, history, canEdit, actions: canEdit ? actionsAvailable(mou.effective_status) : [] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...STAFF] });
  const db = getDb();
  const mou = await findMou(db, user.scope, requireIdParam(params.mouId));
  if (!mou) throw notFound(request);
  const mouId = mou.id;
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (intent === "terms") {
    const parsed = mouTermsSchema.safeParse(formToObject(form));
    if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error), done: null }, { status: 400 });
    const updated = await updateMouTerms(db, user.scope, mouId, parsed.data);
    if (!updated) return json({ errors: { form: "mou.notEditable" }, done: null }, { status: 409 });
    return json({ errors: {} as Record<string, string>, done: "mou.draftSaved" as const });
  }
  if (intent === "renew") {
    const renewalId = await renewMou(db, user.scope, mouId, user.id);
    if (renewalId == null) return json({ errors: { form: "mou.notAllowedFromStatus" }, done: null }, { status: 409 });
    return redirect(`/mous/${renewalId}?saved=1`);
  }
  if (!["submit", "sign", "reopen", "terminate"].includes(intent)) throw new Response("Unknown intent", { status: 400 });
  const signing = mouSigningSchema.safeParse(Object.fromEntries(form));
  if (!signing.success) return json({ errors: fieldErrorsOf(signing.error), done: null }, { status: 400 });
  const outcome = await transitionMou(db, user.scope, {
    mouId,
    action: intent as MouAction,
    signing: intent === "sign" ? signing.data : undefined,
    reason: String(form.get("reason") ?? ""),
    userId: user.id,
  });
  if (outcome === "not_found") throw notFound(request);
  if (outcome) return json({ errors: {} as Record<string, string>, done: null, transitionErrors: outcome.errors }, { status: 400 });
  return json({ errors: {} as Record<string, string>, done: "mou.transitionDone" as const });
}

export default function MouPage() {
  const { t, date, dateTime } = useI18n();
  const { mou, collectors, collectorOptions, history, canEdit, actions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const transitionErrors = (result as { transitionErrors?: string[] } | undefined)?.transitionErrors;
  const notice = result?.done ?? (params.get("saved") ? "mou.draftSaved" : params.get("scan") ? "mou.scanUploaded" : null);
  const scanError = params.get("scanError");
  return (
    <section className="narrow wide-narrow">
      <p><Link to={`/markets/${mou.market_id}`}>← {mou.market_name}</Link></p>
      <h1>{mou.number}</h1>
      <p><MouStatusBadge status={mou.effective_status} /> {mou.government_run ? null : <span className="muted">{t("mou.privateMarket")}</span>}</p>
      {notice ? <p role="status" className="notice">{t(notice)}</p> : null}
      {scanError && isMessageKey(scanError) ? <p role="alert" className="form-error">{t(scanError)}</p> : null}
      {transitionErrors?.length ? (
        <div role="alert" className="form-error"><ul className="error-list">{transitionErrors.map((key) => <li key={key}>{t(key as Parameters<typeof t>[0])}</li>)}</ul></div>
      ) : result?.errors?.form ? <p role="alert" className="form-error">{t(result.errors.form as Parameters<typeof t>[0])}</p> : null}
      <dl className="facts card">
        <div><dt>{t("mou.counterparty")}</dt><dd>{mou.counterparty_name} ({t(`operator.${mou.counterparty_type}`)})</dd></div>
        <div><dt>{t("mou.draftedOn")}</dt><dd>{date(mou.drafted_on)}</dd></div>
        <div><dt>{t("mou.signedOn")}</dt><dd>{mou.signed_on ? date(mou.signed_on) : t("common.none")}</dd></div>
        <div><dt>{t("mou.inForceFrom")}</dt><dd>{mou.in_force_from ? date(mou.in_force_from) : t("common.none")}</dd></div>
        <div><dt>{t("mou.expiresOn")}</dt><dd>{mou.expires_on ? date(mou.expires_on) : t("common.none")}</dd></div>
        <div><dt>{t("mou.collectors")}</dt><dd>{collectors.map((c) => c.name).join(", ") || t("common.none")}</dd></div>
        {mou.termination_reason ? <div><dt>{t("mou.terminationReason")}</dt><dd>{mou.termination_reason}</dd></div> : null}
        {mou.previous_mou_id ? <div><dt>{t("mou.renew")}</dt><dd><Link to={`/mous/${mou.previous_mou_id}`}>{t("mou.renewalOf", { number: `#${mou.previous_mou_id}` })}</Link></dd></div> : null}
      </dl>
      <p className="actions-row">
        <a href={`/mous/${mou.id}/pdf`} className="button" download>{t("mou.pdf")}</a>
        {mou.status === "signed" ? <Link to={`/mous/${mou.id}/fees`} className="button">{t("fees.link")}</Link> : null}
      </p>
      {canEdit ? <MouActions mou={mou} actions={actions} errors={result?.errors} busy={busy} /> : null}
      {canEdit && mou.status === "draft" ? (
        <PostForm className="card" noValidate>
          <input type="hidden" name="intent" value="terms" />
          <MouTermsFields values={mou} errors={result?.errors} collectorOptions={collectorOptions} selectedCollectorIds={collectors.map((c) => c.id)} />
          <button type="submit" className="primary" disabled={busy}>{t("mou.saveDraft")}</button>
        </PostForm>
      ) : null}
      <MouScan mou={mou} canUpload={canEdit} />
      <section className="card" aria-labelledby="mou-history">
        <h2 id="mou-history">{t("mou.history")}</h2>
        <ul className="plain-list">
          {history.map((entry) => (
            <li key={entry.id}>
              {dateTime(entry.changed_at, mou.time_zone)} · {entry.changed_by}:{" "}
              {entry.from_status ? <><MouStatusBadge status={entry.from_status} /> → </> : null}
              <MouStatusBadge status={entry.to_status} />
              {entry.note ? ` (${entry.note})` : ""}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
