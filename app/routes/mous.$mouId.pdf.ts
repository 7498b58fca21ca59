import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { findMou, listMouCollectors } from "../models/mous.server";
import { renderMouPdf } from "../utils/mou-pdf.server";

/** The MoU generated as a PDF from the record, at any stage (marked DRAF until signed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const mou = await findMou(db, user.scope, requireIdParam(params.mouId));
  if (!mou) throw notFound(request);
  const pdf = await renderMouPdf(mou, await listMouCollectors(db, mou.id));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${mou.number.replace(/\//g, "-")}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
