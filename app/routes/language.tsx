import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "../i18n";
import { safeRedirectPath } from "../utils/auth.server";
import { languageCookie } from "../utils/cookies.server";
import { requireCsrfToken } from "../utils/csrf.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCsrfToken(request);
  const form = await request.formData();
  const lang = form.get("lang");
  if (!isLocale(lang)) throw new Response("Unknown language", { status: 400 });
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(lang) },
  });
}
