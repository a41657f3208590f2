import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OfficeMapping } from '@ecoo/shared/officers/schemas';
import { callApi } from '../../../lib/api-client';
import { rememberOfficer } from './remember-officer';
import { officersApi } from '@ecoo/shared/officers/api';

export const mapOfficerOffices = ({ userId, input }: { userId: string; input: OfficeMapping }) => callApi(officersApi.mapOfficerOffices, { params: { userId }, body: input });

export function useMapOfficerOffices() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: mapOfficerOffices, onSuccess: (officer) => rememberOfficer(queryClient, officer) });
}
