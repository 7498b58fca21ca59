import { json } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { listPlacementOptions } from "../models/branches.server";
import { findUserForAdmin, isEmailTaken, resetPassword, setUserActive, updateUserAssignment } from "../models/user-admin.server";
import { issueApiToken, listApiTokens, revokeApiToken } from "../models/sessions.server";
import { fieldErrorsOf, passwordSchema, userAssignmentSchema } from "../domain/user-form";
import { ConfirmButton, PostForm, TextField } from "../components/forms";
import { UserFields, type PlacementOptions } from "../components/user-form";
import { TokenList, NewTokenNotice } from "../components/token-list";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";

export const meta: MetaFunction = () => [{ title: "Ubah pengguna · Pasar Terlindungi" }];

async function requireTargetUser(request: Request, userIdParam: string | undefined) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const target = await findUserForAdmin(getDb(), requireIdParam(userIdParam));
  if (!target) throw new Response("Not Found", { status: 404 });
  return { admin, target };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { target } = await requireTargetUser(request, params.userId);
  const db = getDb();
  const [options, tokens] = await Promise.all([listPlacementOptions(db), listApiTokens(db, target.id)]);
  return json({ user: target, options, tokens });
}

type ActionResult = { errors?: Record<string, string>; notice?: MessageKey; newToken?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, target } = await requireTargetUser(request, params.userId);
  const db = getDb();
  const form = Object.fromEntries(await request.formData());
  const reply = (result: ActionResult, status = 200) => json(result, { status });
  switch (form.intent) {
    case "update": {
      const parsed = userAssignmentSchema.safeParse(form);
      if (!parsed.success) return reply({ errors: fieldErrorsOf(parsed.error) }, 400);
      if (await isEmailTaken(db, parsed.data.email, target.id)) return reply({ errors: { email: "users.emailTaken" } }, 400);
      await updateUserAssignment(db, target.id, parsed.data);
      return reply({ notice: "common.saved" });
    }
    case "reset-password": {
      const parsed = passwordSchema.safeParse(form.password);
      if (!parsed.success) return reply({ errors: { password: parsed.error.issues[0].message } }, 400);
      await resetPassword(db, target.id, parsed.data);
      return reply({ notice: "users.passwordReset" });
    }
    case "deactivate":
    case "reactivate": {
      if (target.id === admin.id) return reply({ errors: { form: "users.cannotDeactivateSelf" } }, 400);
      await setUserActive(db, target.id, form.intent === "reactivate");
      return reply({ notice: form.intent === "reactivate" ? "users.reactivated" : "users.deactivated" });
    }
    case "create-token": {
      const name = String(form.name ?? "").trim();
      if (!name) return reply({ errors: { tokenName: "common.required" } }, 400);
      return reply({ newToken: await issueApiToken(db, { userId: target.id, name, createdBy: admin.id }) });
    }
    case "revoke-token":
      await revokeApiToken(db, { tokenId: Number(form.tokenId), userId: target.id });
      return reply({});
    default:
      return reply({ errors: { form: "error.other.body" } }, 400);
  }
}

export default function EditUser() {
  const { t } = useI18n();
  const { user, options, tokens } = useLoaderData<typeof loader>() as {
    user: NonNullable<Awaited<ReturnType<typeof findUserForAdmin>>>;
    options: PlacementOptions;
    tokens: Awaited<ReturnType<typeof listApiTokens>>;
  };
  const result = useActionData<ActionResult>();
  const [params] = useSearchParams();
  const notice = result?.notice ?? (params.get("created") ? "common.created" : undefined);
  return (
    <section className="narrow">
      <p><Link to="/admin/users">← {t("users.title")}</Link></p>
      <h1>{t("users.edit")}: {user.name}</h1>
      {notice ? <p role="status" className="notice">{t(notice)}</p> : null}
      {result?.errors?.form ? <p role="alert" className="form-error">{t(result.errors.form as MessageKey, { status: 400 })}</p> : null}
      <PostForm className="card" noValidate>
        <input type="hidden" name="intent" value="update" />
        <UserFields
          key={`${user.role}-${user.region_id}-${user.branch_id}-${user.market_id}`}
          options={options}
          values={{ ...user, regionId: user.region_id, branchId: user.branch_id, marketId: user.market_id }}
          errors={result?.errors}
        />
        <button type="submit" className="primary">{t("common.save")}</button>
      </PostForm>
      <PostForm className="card" noValidate>
        <h2>{t("users.resetPassword")}</h2>
        <input type="hidden" name="intent" value="reset-password" />
        <TextField
          name="password"
          label={t("users.newPassword")}
          error={result?.errors?.password}
          inputProps={{ type: "password", autoComplete: "new-password", minLength: 8 }}
        />
        <button type="submit">{t("users.resetPassword")}</button>
      </PostForm>
      <PostForm className="card">
        <h2>{t("users.status")}: {user.active ? t("users.active") : t("users.inactive")}</h2>
        {user.active ? (
          <ConfirmButton name="intent" value="deactivate" className="danger" message={t("users.deactivateConfirm")}>
            {t("users.deactivate")}
          </ConfirmButton>
        ) : (
          <button type="submit" name="intent" value="reactivate">{t("users.reactivate")}</button>
        )}
      </PostForm>
      <section className="card">
        <h2>{t("tokens.forUser")}</h2>
        <NewTokenNotice token={result?.newToken} />
        <TokenList tokens={tokens} tokenNameError={result?.errors?.tokenName} />
      </section>
    </section>
  );
}
