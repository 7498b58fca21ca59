import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "./env.server";

// Files are stored under UPLOAD_DIR by content hash: a temporary file is renamed into place only
// when complete, so a failed upload never leaves a half-written file behind.

function uploadRoot(): string {
  return path.resolve(env().UPLOAD_DIR);
}

export async function storeByHash(folder: string, bytes: Uint8Array, extension: string) {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const relative = path.join(folder, `${sha256}.${extension}`);
  const target = path.join(uploadRoot(), relative);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, target);
  } finally {
    await fs.rm(temporary, { force: true });
  }
  return { relativePath: relative, sha256 };
}

/** Reads a stored file; the path must stay inside UPLOAD_DIR. */
export async function readStored(relativePath: string): Promise<Buffer> {
  const root = uploadRoot();
  const absolute = path.resolve(root, relativePath);
  if (!absolute.startsWith(root + path.sep)) throw new Error("Stored path escapes the upload folder");
  return fs.readFile(absolute);
}

/** Removes a stored file that no row points to (used when the row update fails after storing). */
export async function removeStored(relativePath: string) {
  await fs.rm(path.resolve(uploadRoot(), relativePath), { force: true });
}
