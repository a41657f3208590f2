import type { Registration } from '@ecoo/shared/registrations/schemas';
import { withoutBidiControls } from '@ecoo/shared/text/bidi';
import { urlOf } from '../../../lib/api-client';
import { formatFileSize, t } from '../../../lib/i18n';
import { registrationsApi } from '@ecoo/shared/registrations/api';

/**
 * The letter inside the console, so the reviewer reads it beside the details. The BFF serves it
 * inline with frame-ancestors 'self' and a CSP that runs nothing, so framing it here is safe.
 */
export function LetterViewer({ registration }: { registration: Registration }) {
  const url = urlOf(registrationsApi.getRegistrationLetter, { params: { registrationId: registration.id } });
  const title = t('registration.letter.frame', { name: registration.name });
  const { letter } = registration;
  return (
    <section className="section" aria-labelledby="registration-letter">
      <h2 id="registration-letter">{t('registration.letter')}</h2>
      {/* The name is the applicant's: a right-to-left override in it must not disguise the file. */}
      <p>{t('registration.letter.file', { name: withoutBidiControls(letter.fileName), size: formatFileSize(letter.sizeBytes) })}</p>
      {letter.contentType === 'application/pdf' ? (
        <iframe className="letter letter--pdf" src={url} title={title} />
      ) : (
        <img className="letter letter--image" src={url} alt={title} />
      )}
      <p>
        <a href={url} target="_blank" rel="noopener">
          {t('registration.letter.open')}
        </a>
      </p>
    </section>
  );
}
