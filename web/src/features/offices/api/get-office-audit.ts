import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officeKeys } from './office-keys';
import { officesApi } from '@ecoo/shared/offices/api';

export const getOfficeAudit = (officeId: string, page: number, signal?: AbortSignal) => callApi(officesApi.listOfficeAudit, { params: { officeId }, query: { page }, signal });

export const getOfficeAuditQueryOptions = (officeId: string, page: number) =>
  queryOptions({ queryKey: officeKeys.auditPage(officeId, page), queryFn: ({ signal }) => getOfficeAudit(officeId, page, signal) });

/** Keeps this office's page shown while its next one loads, so the history does not jump; never another office's. */
export const useOfficeAudit = (officeId: string, page: number) =>
  useQuery({
    ...getOfficeAuditQueryOptions(officeId, page),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === officeId ? previous : undefined),
  });
