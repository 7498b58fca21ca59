import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect, json } from "@remix-run/node";
import { useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { getOptionalUser, safeRedirectPath, signIn, clientAddress } from "../utils/auth.server";
import { requireCsrfToken } from "../utils/csrf.server";
import { attemptSignIn } from "../models/sign-in.server";
import { PostForm, TextField } from "../components/forms";
import { useI18n } from "../i18n/react";
import type { MessageKey } from "../i18n";

export const meta: MetaFunction = () => [{ title: "Masuk · Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

interface ActionResult {
  formError?: MessageKey;
  minutes?: number;
  fieldErrors?: { email?: MessageKey; password?: MessageKey };
  email?: string;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCsrfToken(request);
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const fieldErrors: ActionResult["fieldErrors"] = {};
  if (!email) fieldErrors.email = "login.emailRequired";
  if (!password) fieldErrors.password = "login.passwordRequired";
  if (fieldErrors.email || fieldErrors.password) {
    return json({ fieldErrors, email } satisfies ActionResult, { status: 400 });
  }
  const outcome = await attemptSignIn({ email, password, ip: clientAddress(request) });
  if (outcome.kind === "rate_limited") {
    return json(
      { formError: "login.rateLimited", minutes: outcome.retryAfterMinutes, email } satisfies ActionResult,
      { status: 429 },
    );
  }
  if (outcome.kind === "invalid") {
    return json({ formError: "login.invalid", email } satisfies ActionResult, { status: 401 });
  }
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await signIn(outcome.userId) },
  });
}

export default function Login() {
  const { t } = useI18n();
  const result = useActionData<ActionResult>();
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  return (
    <section className="narrow card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <p className="muted">{t("app.tagline")}</p>
      {searchParams.get("signedOut") ? <p role="status" className="notice">{t("login.signedOut")}</p> : null}
      {result?.formError ? (
        <p role="alert" className="form-error">
          {t(result.formError, { minutes: result.minutes ?? 0 })}
        </p>
      ) : null}
      <PostForm noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField
          name="email"
          label={t("login.email")}
          error={result?.fieldErrors?.email}
          inputProps={{ type: "email", autoComplete: "username", defaultValue: result?.email, required: true, autoFocus: true }}
        />
        <TextField
          name="password"
          label={t("login.password")}
          error={result?.fieldErrors?.password}
          inputProps={{ type: "password", autoComplete: "current-password", required: true }}
        />
        <button type="submit" className="primary" disabled={submitting}>
          {t("login.submit")}
        </button>
      </PostForm>
    </section>
  );
}
