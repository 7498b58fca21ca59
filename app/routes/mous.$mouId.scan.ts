import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  redirect,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { notFound, requireUser } from "../utils/auth.server";
import { getDb } from "../utils/db.server";
import { requireIdParam } from "../utils/params.server";
import { readStored } from "../utils/uploads.server";
import { findMou } from "../models/mous.server";
import { storeMouScan } from "../models/mou-scans.server";
import { MAX_SCAN_BYTES } from "../domain/file-types";

/** Downloads the signed scan; the caller's scope is checked like any other read. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mou = await findMou(getDb(), user.scope, requireIdParam(params.mouId));
  if (!mou?.scan_path) throw notFound(request);
  const extension = mou.scan_path.split(".").pop();
  return new Response(new Uint8Array(await readStored(mou.scan_path)), {
    headers: {
      "Content-Type": mou.scan_mime ?? "application/octet-stream",
      "Content-Disposition": `attachment; filename="${mou.number.replace(/\//g, "-")}-scan.${extension}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// The form posts here from the MoU page; every outcome goes back there with a message key.
const refuse = (mouId: number, error: string) => redirect(`/mous/${mouId}?scanError=${encodeURIComponent(error)}`);

/** Uploads the signed scan: size and content type are checked before anything is stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  // Refuse an oversize body before reading it (a little room for the multipart envelope).
  const oversize = Number(request.headers.get("Content-Length") ?? 0) > MAX_SCAN_BYTES + 64 * 1024;
  if (oversize) return refuse(requireIdParam(params.mouId), "mou.scanTooLarge");
  const user = await requireUser(request, { roles: ["admin", "regional_head", "branch_staff"] });
  const mouId = requireIdParam(params.mouId);
  const db = getDb();
  const mou = await findMou(db, user.scope, mouId);
  if (!mou) throw notFound(request);
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return refuse(mouId, "mou.scanMissing");
  let form: FormData;
  try {
    form = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_SCAN_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse(mouId, "mou.scanTooLarge");
    throw error;
  }
  const file = form.get("scan");
  if (!(file instanceof Blob) || file.size === 0) return refuse(mouId, "mou.scanMissing");
  const outcome = await storeMouScan(db, { mouId: mou.id, bytes: new Uint8Array(await file.arrayBuffer()), userId: user.id });
  if (outcome) return refuse(mouId, outcome);
  return redirect(`/mous/${mou.id}?scan=1`);
}
