import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officeKeys } from './office-keys';

export const getOfficeAudit = (officeId: string, signal?: AbortSignal) => callApi('listOfficeAudit', { params: { officeId }, signal });

export const getOfficeAuditQueryOptions = (officeId: string) =>
  queryOptions({ queryKey: officeKeys.audit(officeId), queryFn: ({ signal }) => getOfficeAudit(officeId, signal) });

export const useOfficeAudit = (officeId: string) => useQuery(getOfficeAuditQueryOptions(officeId));
