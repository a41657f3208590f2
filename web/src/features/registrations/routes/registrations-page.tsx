import { useSearchParams } from 'react-router';
import { RegistrationListQuerySchema } from '@ecoo/shared/registrations/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useRegistrations } from '../api/get-registrations';
import type { RegistrationFilter } from '../api/registration-keys';
import { Pagination } from '../components/pagination';
import { RegistrationsTable } from '../components/registrations-table';
import { StatusFilter } from '../components/status-filter';

/** The address bar holds the filter; one that does not parse shows the first page of pending ones. */
function filterOf(searchParams: URLSearchParams): RegistrationFilter {
  const parsed = RegistrationListQuerySchema.safeParse({ status: searchParams.get('status') ?? undefined, page: searchParams.get('page') ?? undefined });
  return parsed.success ? parsed.data : RegistrationListQuerySchema.parse({});
}

export function RegistrationsPage() {
  const [searchParams] = useSearchParams();
  const filter = filterOf(searchParams);
  const registrations = useRegistrations(filter);

  return (
    <>
      <PageHeading help="reviewer#registrations">{t('registrations.title')}</PageHeading>
      <StatusFilter current={filter.status} />
      {registrations.isPending ? (
        <Loading />
      ) : registrations.isError ? (
        <Alert tone="error">{problemMessage(registrations.error)}</Alert>
      ) : (
        <>
          <RegistrationsTable list={registrations.data} status={filter.status} />
          <Pagination status={filter.status} page={filter.page} pageSize={filter.pageSize} total={registrations.data.total} />
        </>
      )}
    </>
  );
}
