import { useState } from 'react';

export type CopyState = 'no' | 'yes' | 'failed';

/**
 * Copies a text to the clipboard and says how it went, for a status line beside the Copy button.
 * No clipboard outside a secure context, or permission refused: the text stays selectable anyway.
 */
export function useCopyText(): { state: CopyState; copy: (text: string) => Promise<void> } {
  const [state, setState] = useState<CopyState>('no');
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setState('yes');
    } catch {
      setState('failed');
    }
  }
  return { state, copy };
}
