import { useQuery } from '@tanstack/react-query';
import { agenciesApi } from '@ecoo/shared/agencies/api';
import { callApi } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';

export const getAuditAgencies = (signal?: AbortSignal) => callApi(agenciesApi.listAgencies, { signal }).then((list) => list.agencies);

/** The register of agencies, for the reviewer's agency filter; asked here, since features do not import each other. */
export const useAuditAgencies = (isEnabled: boolean) => useQuery({ queryKey: auditKeys.agencies(), queryFn: ({ signal }) => getAuditAgencies(signal), enabled: isEnabled });
