import { useHealth } from '../../lib/health';
import { t } from '../../lib/i18n';

/** Says plainly that the register and accounts are examples, so nobody mistakes them for DGFT records. */
export function DemoBanner() {
  const health = useHealth();
  if (!health.data?.demoData) return null;
  return (
    <div className="demo-banner">
      <div className="container">
        <p>{t('app.demoBanner')}</p>
      </div>
    </div>
  );
}
