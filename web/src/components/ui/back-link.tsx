import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The link back up one level, above a page's heading. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link className="back-link" to={to}>
        {children}
      </Link>
    </p>
  );
}
