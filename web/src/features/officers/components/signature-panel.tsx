import { Link } from 'react-router';
import type { Officer } from '@ecoo/shared/officers/schemas';
import { useOfficerSignature } from '../../../modules/images/api/get-officer-signature';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { RenditionImage } from '../../../modules/images/components/rendition-image';

/**
 * The signature in use as a small rendition, whose URL comes with the officer's signature images
 * (the officer answer carries only the version); never the full PNG, which is for the review.
 */
function SignatureThumbnail({ officer, versionId, version }: { officer: Officer; versionId: string; version: number }) {
  const signature = useOfficerSignature(officer.id);
  const current = signature.data?.current;
  if (!current || current.id !== versionId) return null;
  return <RenditionImage src={current.thumbnails.preview} rendition="preview" alt={t('officers.signature.alt', { name: officer.name, version })} />;
}

/** Trade Notice 23/2024-25 §3.I.vi–vii: the officer's signature image, its background removed, uploaded by the administrator. */
export function SignaturePanel({ officer }: { officer: Officer }) {
  const { versionId, version } = officer.signature;
  return (
    <section className="section" aria-labelledby="officer-signature">
      <h2 id="officer-signature">{t('officers.signature')}</h2>
      {versionId && version !== null ? (
        <>
          <p>{t('officers.signature.inUse', { version })}</p>
          <SignatureThumbnail officer={officer} versionId={versionId} version={version} />
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
