import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';

export function BackToOffices() {
  return <BackLink to={paths.dashboard.offices.getHref()}>{t('offices.back')}</BackLink>;
}
