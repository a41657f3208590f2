import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways when it is wider than the screen (375 px): a region named by the
 * table's caption and in the tab order, so a keyboard user can scroll it too (axe's
 * scrollable-region-focusable) and a screen reader says what it holds.
 */
export function TableWrap({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
