import type { DscRecord } from '@ecoo/shared/dsc/schemas';
import { DetailsRow } from '../../../components/ui/details-row';
import { formatInstant, t } from '../../../lib/i18n';

/**
 * One DSC as read from its certificate, for the officer who registered it and the administrator who
 * checks it: who holds it, who issued it, under which CCA class and policies, and until when.
 */
export function DscDetails({ record }: { record: DscRecord }) {
  return (
    <>
      {record.isDemo && (
        <p>
          <span className="badge badge--missing">{t('dsc.demo')}</span>
        </p>
      )}
      <dl className="details">
        <DetailsRow label={t('dsc.field.holder')}>{record.holderName}</DetailsRow>
        <DetailsRow label={t('dsc.field.subject')}>{record.subject}</DetailsRow>
        <DetailsRow label={t('dsc.field.issuer')}>{record.issuerName}</DetailsRow>
        <DetailsRow label={t('dsc.field.class')}>{record.classes.map((dscClass) => t(`dsc.class.${dscClass}`)).join(', ')}</DetailsRow>
        <DetailsRow label={t('dsc.field.policies')}>
          <ul className="plain-list">
            {record.policies.map((policy) => (
              <li key={policy}>
                <code>{policy}</code>
              </li>
            ))}
          </ul>
        </DetailsRow>
        <DetailsRow label={t('dsc.field.serial')}>
          <code>{record.serialNumber}</code>
        </DetailsRow>
        <DetailsRow label={t('dsc.field.validFrom')}>
          <time dateTime={record.notBefore}>{formatInstant(record.notBefore)}</time>
        </DetailsRow>
        <DetailsRow label={t('dsc.field.validTo')}>
          <time dateTime={record.notAfter}>{formatInstant(record.notAfter)}</time>
        </DetailsRow>
        <DetailsRow label={t('dsc.field.daysLeft')}>{record.daysLeft < 0 ? t('dsc.daysLeft.expired') : record.daysLeft}</DetailsRow>
        <DetailsRow label={t('dsc.field.fingerprint')}>
          <code>{record.fingerprintSha256}</code>
        </DetailsRow>
        <DetailsRow label={t('dsc.field.key')}>{record.keyAlgorithm}</DetailsRow>
        <DetailsRow label={t('dsc.field.registeredAt')}>
          <time dateTime={record.registeredAt}>{formatInstant(record.registeredAt)}</time>
        </DetailsRow>
      </dl>
    </>
  );
}
