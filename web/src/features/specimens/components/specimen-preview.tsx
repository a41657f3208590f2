import { useEffect, useRef } from 'react';
import type { SpecimenCertificate } from '@ecoo/shared/specimens/schemas';
import { specimensApi } from '@ecoo/shared/specimens/api';
import { urlOf } from '../../../lib/api-client';
import { formatDate, t } from '../../../lib/i18n';
import { SpecimenDownloadLink, officeName } from './specimen-table';

/**
 * The PDF inside the page, as the BFF serves it inline (framed only by the console's own pages, and
 * running nothing). An iframe, not an <object>: the page's CSP keeps object-src 'none' and allows
 * frames from 'self' only. Where the browser shows no PDF (a phone), the plain download link below is
 * the way. Focus moves to the heading, so a keyboard user lands on it.
 */
export function SpecimenPreview({ specimen }: { specimen: SpecimenCertificate }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [specimen.id]);
  const title = t('specimens.preview.title', { office: officeName(specimen), officer: specimen.officer.name, date: formatDate(specimen.date) });
  const url = urlOf(specimensApi.downloadSpecimenCertificate, { params: { specimenId: specimen.id }, query: { disposition: 'inline' } });
  return (
    <section className="section" aria-labelledby="specimen-preview-title">
      <h2 id="specimen-preview-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <iframe className="letter letter--pdf" src={url} title={title} />
      <p>
        {t('specimens.preview.fallback')} <SpecimenDownloadLink specimen={specimen}>{t('specimens.preview.download')}</SpecimenDownloadLink>
      </p>
    </section>
  );
}
