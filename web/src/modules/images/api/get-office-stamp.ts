import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { imageKeys } from './image-keys';

export const useOfficeStamp = (officeId: string) =>
  useQuery({ queryKey: imageKeys.officeStamp(officeId), queryFn: ({ signal }) => callApi('getOfficeStamp', { params: { officeId }, signal }) });
