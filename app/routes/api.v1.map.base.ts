import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/auth.server";
import { vectorBase } from "../utils/natural-earth.server";

/** The offline vector base map (Natural Earth country outlines around Indonesia) as GeoJSON, cacheable. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { body, etag } = vectorBase();
  const headers = { "Content-Type": "application/geo+json", "Cache-Control": "private, max-age=86400", ETag: etag };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
