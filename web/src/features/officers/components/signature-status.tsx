import type { OfficerSummary } from '@ecoo/shared/officers/schemas';
import { t } from '../../../lib/i18n';

/** Trade Notice 23/2024-25 §3.I.vi: every issuing officer's signature is uploaded once; the list says whose is missing. */
export function SignatureStatus({ signature }: { signature: OfficerSummary['signature'] }) {
  return signature.version !== null ? (
    <span className="badge badge--good">{t('officers.signature.inUse', { version: signature.version })}</span>
  ) : (
    <span className="badge badge--missing">{t('officers.signature.missing')}</span>
  );
}
