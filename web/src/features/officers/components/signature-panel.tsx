import { Link } from 'react-router';
import type { Officer } from '@ecoo/shared/officers/schemas';
import { urlOf } from '../../../lib/api-client';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';

/** Trade Notice 23/2024-25 §3.I.vi–vii: the officer's signature image, its background removed, uploaded by the administrator. */
export function SignaturePanel({ officer }: { officer: Officer }) {
  const { versionId, version } = officer.signature;
  return (
    <section className="section" aria-labelledby="officer-signature">
      <h2 id="officer-signature">{t('officers.signature')}</h2>
      {versionId && version !== null ? (
        <>
          <p>{t('officers.signature.inUse', { version })}</p>
          <img className="stamp-thumbnail" src={urlOf('getImageVersionPng', { params: { versionId } })} alt={t('officers.signature.alt', { name: officer.name, version })} />
        </>
      ) : (
        <p>{t('officers.signature.none')}</p>
      )}
      {officer.status !== 'rejected' && (
        <p>
          <Link to={paths.dashboard.officerSignature.getHref(officer.id)}>{t('officers.signature.manage')}</Link>
        </p>
      )}
    </section>
  );
}
