// Uploaded documents are recognised by their first bytes, never by name or declared type.

export type DocumentType = { mime: "application/pdf"; extension: "pdf" } | { mime: "image/jpeg"; extension: "jpg" } | { mime: "image/png"; extension: "png" };

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: "application/pdf", extension: "pdf" }; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", extension: "jpg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", extension: "png" };
  return null;
}

export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
