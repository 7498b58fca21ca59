/** A positive integer id from a route param, or a 404 Response (a malformed id is simply not found). */
export function requireIdParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not Found", { status: 404 });
  return id;
}
