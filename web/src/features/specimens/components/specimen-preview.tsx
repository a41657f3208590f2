import { useEffect, useRef } from 'react';
import type { SpecimenCertificate } from '@ecoo/shared/specimens/schemas';
import { specimensApi } from '@ecoo/shared/specimens/api';
import { urlOf } from '../../../lib/api-client';
import { formatDate, t } from '../../../lib/i18n';
import { SpecimenDownloadLink, officeName } from './specimen-table';

/**
 * The PDF inside the page, as the BFF serves it inline (framed only by the console's own pages, and
 * running nothing). The object's own content is the fallback where the browser shows no PDF; the
 * download link below is always there. Focus moves to the heading, so a keyboard user lands on it.
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
      <object className="letter letter--pdf" data={url} type="application/pdf" aria-label={title}>
        <p>{t('specimens.preview.fallback')}</p>
      </object>
      <p>
        <SpecimenDownloadLink specimen={specimen}>{t('specimens.preview.download')}</SpecimenDownloadLink>
      </p>
    </section>
  );
}
