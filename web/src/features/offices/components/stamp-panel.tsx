import { Link } from 'react-router';
import type { Office } from '@ecoo/shared/offices/schemas';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { StampThumbnail } from './stamp-thumbnail';

export function StampPanel({ office }: { office: Office }) {
  return (
    <section className="section" aria-labelledby="office-stamp">
      <h2 id="office-stamp">{t('offices.stamp')}</h2>
      {office.stampVersionId ? <StampThumbnail office={office} size="preview" /> : <p>{t('offices.stamp.none')}</p>}
      <p>
        <Link to={paths.dashboard.officeStamp.getHref(office.id)}>{t('offices.stamp.manage')}</Link>
      </p>
    </section>
  );
}
