import { Fragment } from 'react';
import type { DscRecord } from '@ecoo/shared/dsc/schemas';
import { DetailsRow } from '../../../components/ui/details-row';
import { formatInstant, t } from '../../../lib/i18n';
import { policyName } from './dsc-wording';

/** Hex bytes joined by colons (a fingerprint, a serial), breakable only after a colon, never inside a byte. */
function ByteGroups({ value }: { value: string }) {
  const groups = value.split(':');
  return (
    <code className="byte-groups">
      {groups.map((group, index) => (
        <Fragment key={index}>
          {group}
          {index < groups.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </Fragment>
      ))}
    </code>
  );
}

/**
 * The classes in words. A Class 3 DSC lists the Class 2 policy too (the CCA's classes nest), which
 * reads as a second class on a page that accepts Class 3 only: it is said as the note it is.
 */
function Classes({ classes }: { classes: DscRecord['classes'] }) {
  const nested = classes.includes('class-3') && classes.includes('class-2');
  const shown = nested ? classes.filter((dscClass) => dscClass !== 'class-2') : classes;
  return (
    <>
      {shown.map((dscClass) => t(`dsc.class.${dscClass}`)).join(', ')}
      {nested && (
        <>
          {' '}
          <span className="details__note">{t('dsc.class.note')}</span>
        </>
      )}
    </>
  );
}

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
        <DetailsRow label={t('dsc.field.class')}>
          <Classes classes={record.classes} />
        </DetailsRow>
        <DetailsRow label={t('dsc.field.policies')}>
          <ul className="plain-list">
            {record.policies.map((policy) => {
              const name = policyName(policy);
              return (
                <li key={policy}>
                  <code>{policy}</code>
                  {name && (
                    <>
                      {' '}
                      <span className="details__policy-name">{name}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </DetailsRow>
        <DetailsRow label={t('dsc.field.serial')}>
          <ByteGroups value={record.serialNumber} />
        </DetailsRow>
        <DetailsRow label={t('dsc.field.validFrom')}>
          <time dateTime={record.notBefore}>{formatInstant(record.notBefore)}</time>
        </DetailsRow>
        <DetailsRow label={t('dsc.field.validTo')}>
          <time dateTime={record.notAfter}>{formatInstant(record.notAfter)}</time>
        </DetailsRow>
        <DetailsRow label={t('dsc.field.daysLeft')}>{record.daysLeft < 0 ? t('dsc.daysLeft.expired') : record.daysLeft}</DetailsRow>
        <DetailsRow label={t('dsc.field.fingerprint')}>
          <ByteGroups value={record.fingerprintSha256} />
        </DetailsRow>
        <DetailsRow label={t('dsc.field.key')}>{record.keyAlgorithm}</DetailsRow>
        <DetailsRow label={t('dsc.field.registeredAt')}>
          <time dateTime={record.registeredAt}>{formatInstant(record.registeredAt)}</time>
        </DetailsRow>
      </dl>
    </>
  );
}
