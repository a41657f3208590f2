import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditListQuery } from '@ecoo/shared/audit/schemas';
import { auditApi } from '@ecoo/shared/audit/api';
import { callApi } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';

export const getAuditEntries = (query: AuditListQuery, signal?: AbortSignal) => callApi(auditApi.listAuditEntries, { query, signal });

/** Asked again whenever the page opens: the trail grows with every change anyone makes. */
export const getAuditEntriesQueryOptions = (query: AuditListQuery) =>
  queryOptions({ queryKey: auditKeys.list(query), queryFn: ({ signal }) => getAuditEntries(query, signal), staleTime: 0 });

export const useAuditEntries = (query: AuditListQuery) => useQuery({ ...getAuditEntriesQueryOptions(query), placeholderData: keepPreviousData });
