import { json } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";

/** Who the token or session belongs to and what it may see: handy for integrations to check a token. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ id: user.id, email: user.email, name: user.name, role: user.role, scope: user.scope });
}
