import { NavLink } from 'react-router';
import { only, publicAccess } from '@ecoo/shared/http/endpoint';
import { paths } from '../../config/paths';
import { isAllowed, signedOutAccess, useActor, type PageAccess } from '../../lib/auth';
import { useHealth } from '../../lib/health';
import { t, type MessageKey } from '../../lib/i18n';
import { dashboardSections } from '../../features/dashboard/routes/routes';

interface NavItem {
  label: MessageKey;
  href: string;
  access: PageAccess;
  /** Current only on this exact path, not on the pages below it. */
  isExact?: boolean;
}

const agencyStaff = only('agency-admin', 'issuing-officer');
const reviewer = only('dgft-reviewer');

const items: NavItem[] = [
  { label: 'nav.home', href: paths.home.getHref(), access: publicAccess, isExact: true },
  { label: 'nav.signIn', href: paths.signIn.getHref(), access: signedOutAccess },
  // Exact: the specimen register's public page (/register/<token>) is not agency registration.
  { label: 'nav.register', href: paths.register.getHref(), access: signedOutAccess, isExact: true },
  { label: 'nav.myDashboard', href: paths.dashboard.home.getHref(), access: agencyStaff, isExact: true },
  ...dashboardSections.map((section) => ({ label: section.label, href: section.href, access: section.access })),
  { label: 'nav.pendingRegistrations', href: paths.review.registrations.getHref(), access: reviewer },
  { label: 'nav.agencies', href: paths.review.agencies.getHref(), access: reviewer },
  { label: 'nav.administrators', href: paths.review.administrators.getHref(), access: reviewer },
  { label: 'nav.readiness', href: paths.review.readiness.getHref(), access: reviewer },
  { label: 'nav.audit', href: paths.review.audit.getHref(), access: reviewer },
];

/** Shows each person only the sections their role may use; the BFF enforces the same rule on every request. */
export function Nav() {
  const actor = useActor();
  const health = useHealth();
  const shown = items.filter((item) => isAllowed(item.access, actor));
  if (health.data?.devOutbox) shown.push({ label: 'nav.outbox', href: paths.outbox.getHref(), access: publicAccess });

  return (
    <nav className="site-nav" aria-label={t('nav.main')}>
      <ul className="container site-nav__list">
        {shown.map((item) => (
          <li key={item.href}>
            <NavLink className="site-nav__link" to={item.href} end={item.isExact}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
