import { Form, useNavigation } from "@remix-run/react";
import type { MouDetail } from "../models/mous.server";
import type { MouAction } from "../domain/mou-status";
import { useI18n } from "../i18n/react";
import { ConfirmButton, CsrfInput, PostForm, TextField } from "./forms";
import { MouSigningFields } from "./mou-forms";

/** The lifecycle buttons the MoU's status allows: send, sign (with its details), reopen, terminate, renew. */
export function MouActions({ mou, actions, errors, busy }: { mou: MouDetail; actions: MouAction[]; errors?: Record<string, string>; busy: boolean }) {
  const { t } = useI18n();
  const renewable = ["signed", "in_force", "expired"].includes(mou.effective_status);
  if (actions.length === 0 && !renewable) return null;
  return (
    <section className="card" aria-labelledby="mou-actions">
      <h2 id="mou-actions">{t("mou.status")}</h2>
      <div className="actions-row">
        {actions.includes("submit") ? (
          <PostForm><button type="submit" name="intent" value="submit" disabled={busy}>{t("mou.action.submit")}</button></PostForm>
        ) : null}
        {actions.includes("reopen") ? (
          <PostForm><button type="submit" name="intent" value="reopen" disabled={busy}>{t("mou.action.reopen")}</button></PostForm>
        ) : null}
        {renewable ? (
          <PostForm><button type="submit" name="intent" value="renew" disabled={busy}>{t("mou.renew")}</button></PostForm>
        ) : null}
      </div>
      {actions.includes("sign") ? (
        <details open={mou.status === "awaiting_signature"}>
          <summary>{t("mou.action.sign")}</summary>
          <PostForm noValidate>
            <MouSigningFields values={mou} errors={errors} />
            <button type="submit" name="intent" value="sign" className="primary" disabled={busy}>{t("mou.action.sign")}</button>
          </PostForm>
        </details>
      ) : null}
      {actions.includes("terminate") ? (
        <details>
          <summary>{t("mou.action.terminate")}</summary>
          <PostForm noValidate>
            <TextField name="reason" label={t("mou.terminationReason")} inputProps={{ required: true, maxLength: 500 }} />
            <ConfirmButton name="intent" value="terminate" className="danger" message={t("mou.terminateConfirm")} disabled={busy}>
              {t("mou.action.terminate")}
            </ConfirmButton>
          </PostForm>
        </details>
      ) : null}
    </section>
  );
}

/** The signed scan: download when present, upload for staff (multipart, checked on the server). */
export function MouScan({ mou, canUpload }: { mou: MouDetail; canUpload: boolean }) {
  const { t, date } = useI18n();
  const uploading = useNavigation().formAction === `/mous/${mou.id}/scan`;
  return (
    <section className="card" aria-labelledby="mou-scan">
      <h2 id="mou-scan">{t("mou.scan")}</h2>
      {mou.scan_sha256 ? (
        <p>
          <a href={`/mous/${mou.id}/scan`} download>{t("mou.scanDownload")}</a>
          <span className="muted"> · {date(mou.scan_uploaded_at!)} · {Math.ceil((mou.scan_size ?? 0) / 1024)} KB</span>
        </p>
      ) : (
        <p className="muted">{t("mou.scanNone")}</p>
      )}
      {canUpload ? (
        <Form method="post" action={`/mous/${mou.id}/scan`} encType="multipart/form-data" className="inline-form">
          <CsrfInput />
          <div className="field">
            <label htmlFor="scan">{t("mou.scanUpload")}</label>
            <input id="scan" name="scan" type="file" accept="application/pdf,image/jpeg,image/png" required />
          </div>
          <button type="submit" disabled={uploading}>{uploading ? "…" : t("common.save")}</button>
        </Form>
      ) : null}
    </section>
  );
}
