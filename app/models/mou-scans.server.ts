import type { DB } from "../utils/db.server";
import { detectDocumentType } from "../domain/file-types";
import { removeStored, storeByHash } from "../utils/uploads.server";
import { recordScan } from "./mous.server";

/**
 * Stores a signed scan after checking its content, then points the MoU at it. If the row update fails,
 * the file is removed again unless another MoU already uses the same content.
 */
export async function storeMouScan(db: DB, input: { mouId: number; bytes: Uint8Array; userId: number }): Promise<"mou.scanWrongType" | null> {
  const type = detectDocumentType(input.bytes);
  if (!type) return "mou.scanWrongType";
  const stored = await storeByHash("mou-scans", input.bytes, type.extension);
  try {
    await recordScan(db, input.mouId, { path: stored.relativePath, sha256: stored.sha256, mime: type.mime, size: input.bytes.byteLength, userId: input.userId });
  } catch (error) {
    const shared = await db.selectFrom("mous").select("id").where("scan_path", "=", stored.relativePath).executeTakeFirst();
    if (!shared) await removeStored(stored.relativePath);
    throw error;
  }
  return null;
}
