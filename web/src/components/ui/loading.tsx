import { t } from '../../lib/i18n';

export function Loading() {
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
