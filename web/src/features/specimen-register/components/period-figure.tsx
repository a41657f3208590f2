import type { UsePeriod } from '@ecoo/shared/specimen-register/schemas';
import { formatInstant, t } from '../../../lib/i18n';
import { RenditionImage } from '../../../modules/images/components/rendition-image';

/** Version, from and until in India Standard Time, and why the period began or ended when it was not an acceptance or a replacement. */
export function PeriodText({ period }: { period: UsePeriod }) {
  return (
    <>
      <strong>{t('specimenRegister.version', { version: period.version })}</strong>
      <br />
      <span>{t('specimenRegister.from', { from: formatInstant(period.from) })}</span>{' '}
      <span>{period.until ? t('specimenRegister.until', { until: formatInstant(period.until) }) : t('specimenRegister.stillInUse')}</span>
      {period.began !== 'accepted' && (
        <>
          <br />
          <span>{t(`specimenRegister.began.${period.began}`)}</span>
        </>
      )}
      {period.ended !== null && period.ended !== 'replaced' && (
        <>
          <br />
          <span>{t(`specimenRegister.ended.${period.ended}`)}</span>
        </>
      )}
    </>
  );
}

/** One picture with when it was in use, as a figure whose caption says it. */
export function PeriodFigure({ period, size, alt, isHighlighted = false }: { period: UsePeriod; size: 'preview' | 'list'; alt: string; isHighlighted?: boolean }) {
  return (
    <figure className={isHighlighted ? 'panel' : undefined}>
      <RenditionImage src={period.image[size]} rendition={size} alt={alt} />
      <figcaption>
        <PeriodText period={period} />
      </figcaption>
    </figure>
  );
}
