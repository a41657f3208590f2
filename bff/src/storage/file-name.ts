import { withoutBidiControls } from '@ecoo/shared/text/bidi';

/** Keeps the base name for display only; control characters, bidi controls and path parts are dropped. */
export function safeFileName(original: string, fallback: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  // NFC: a Mac sends "é" as e and a combining accent; stored composed, it compares and shows as typed elsewhere.
  const cleaned = withoutBidiControls(base.normalize('NFC')).replace(/[\u0000-\u001f\u007f"<>]/g, '').trim().slice(0, 200);
  return cleaned || fallback;
}
