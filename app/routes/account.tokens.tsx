import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { issueApiToken, listApiTokens, revokeApiToken } from "../models/sessions.server";
import { NewTokenNotice, TokenList, type TokenRow } from "../components/token-list";
import { useI18n } from "../i18n/react";

export const meta: MetaFunction = () => [{ title: "Token API · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ tokens: await listApiTokens(getDb(), user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const db = getDb();
  if (form.get("intent") === "revoke-token") {
    // Scoped to the caller's own tokens: another user's token id simply matches nothing.
    await revokeApiToken(db, { tokenId: Number(form.get("tokenId")), userId: user.id });
    return json({});
  }
  const name = String(form.get("name") ?? "").trim();
  if (!name) return json({ errors: { tokenName: "common.required" } }, { status: 400 });
  return json({ newToken: await issueApiToken(db, { userId: user.id, name, createdBy: user.id }) });
}

export default function Tokens() {
  const { t } = useI18n();
  const { tokens } = useLoaderData<typeof loader>() as { tokens: TokenRow[] };
  const result = useActionData<{ newToken?: string; errors?: { tokenName?: string } }>();
  return (
    <section className="narrow">
      <h1>{t("tokens.title")}</h1>
      <p className="muted">{t("tokens.intro")}</p>
      <NewTokenNotice token={result?.newToken} />
      <section className="card">
        <TokenList tokens={tokens} tokenNameError={result?.errors?.tokenName} />
      </section>
    </section>
  );
}
