import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { Office } from '@ecoo/shared/offices/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useOffice } from '../api/get-office';

/** The office of the address, or why not: none (404, also for another agency's) gets a heading and the BFF's words. */
export function WithOffice({ children }: { children: (office: Office) => ReactNode }) {
  const { officeId = '' } = useParams();
  const office = useOffice(officeId);
  if (office.isPending) return <Loading />;
  if (office.isError)
    return (
      <>
        <PageHeading>{t('app.error.title')}</PageHeading>
        <Alert tone="error">{problemMessage(office.error)}</Alert>
      </>
    );
  return children(office.data);
}
