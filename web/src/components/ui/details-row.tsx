import type { ReactNode } from 'react';

/** One term and its value in a `<dl className="details">`. */
export function DetailsRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
