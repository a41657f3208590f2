/** Keeps the base name for display only; control characters and path parts are dropped. */
export function safeFileName(original: string, fallback: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>]/g, '').trim().slice(0, 200);
  return cleaned || fallback;
}
