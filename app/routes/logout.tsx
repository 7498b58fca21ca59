import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "../utils/auth.server";
import { requireCsrfToken } from "../utils/csrf.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCsrfToken(request);
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": await signOut(request) } });
}
