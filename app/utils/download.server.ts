/** A file the browser saves rather than shows. */
export function attachment(file: { fileName: string; contentType: string; body: Uint8Array<ArrayBuffer> }): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
