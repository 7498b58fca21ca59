import { useI18n } from "../i18n/react";
import { ConfirmButton, PostForm, TextField } from "./forms";

export interface TokenRow {
  id: number;
  name: string;
  token_hint: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Shown once, right after creation: the only time the full token exists outside its hash. */
export function NewTokenNotice({ token }: { token?: string }) {
  const { t } = useI18n();
  if (!token) return null;
  return (
    <div role="status" className="notice">
      <p>{t("tokens.createdOnce")}</p>
      <code className="token" data-testid="new-token">{token}</code>
    </div>
  );
}

/** The token table plus the create form; both post to the current route with an `intent`. */
export function TokenList({ tokens, tokenNameError }: { tokens: TokenRow[]; tokenNameError?: string }) {
  const { t, date } = useI18n();
  return (
    <>
      {tokens.length === 0 ? <p className="empty">{t("tokens.empty")}</p> : null}
      <ul className="plain-list">
        {tokens.map((token) => (
          <li key={token.id} className="token-row">
            <span>
              <strong>{token.name}</strong> <code>…{token.token_hint}</code> · {date(token.created_at)}
              {token.last_used_at ? ` · ${t("tokens.lastUsed")}: ${date(token.last_used_at)}` : ""}
            </span>
            {token.revoked_at ? (
              <span className="badge">{t("tokens.revoked")}</span>
            ) : (
              <PostForm>
                <input type="hidden" name="tokenId" value={token.id} />
                <ConfirmButton name="intent" value="revoke-token" className="danger small" message={t("tokens.revokeConfirm")}>
                  {t("tokens.revoke")}
                </ConfirmButton>
              </PostForm>
            )}
          </li>
        ))}
      </ul>
      <PostForm className="inline-form" noValidate>
        <input type="hidden" name="intent" value="create-token" />
        <TextField name="name" label={t("tokens.name")} error={tokenNameError} inputProps={{ maxLength: 80, required: true }} />
        <button type="submit">{t("tokens.create")}</button>
      </PostForm>
    </>
  );
}
