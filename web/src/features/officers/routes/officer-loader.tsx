import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { Officer } from '@ecoo/shared/officers/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useOfficer } from '../api/get-officer';

/** The officer of the address, or why not: none (404, also for another agency's) gets a heading and the BFF's words. */
export function WithOfficer({ children }: { children: (officer: Officer) => ReactNode }) {
  const { userId = '' } = useParams();
  const officer = useOfficer(userId);
  if (officer.isPending) return <Loading />;
  if (officer.isError)
    return (
      <>
        <PageHeading>{t('app.error.title')}</PageHeading>
        <Alert tone="error">{problemMessage(officer.error)}</Alert>
      </>
    );
  return children(officer.data);
}
