import type { ReactNode, Ref } from 'react';

type Tone = 'error' | 'success' | 'info';

/** Errors interrupt (role alert); good news and notes wait their turn (role status). */
export function Alert({ tone, title, children, ref }: { tone: Tone; title?: string; children: ReactNode; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} tabIndex={-1}>
      {title && <p className="alert__title">{title}</p>}
      <div className="alert__body">{children}</div>
    </div>
  );
}
