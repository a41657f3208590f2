import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { imageKeys } from './image-keys';
import { imagesApi } from '@ecoo/shared/images/api';

export const useOfficeStamp = (officeId: string) =>
  useQuery({ queryKey: imageKeys.officeStamp(officeId), queryFn: ({ signal }) => callApi(imagesApi.getOfficeStamp, { params: { officeId }, signal }) });
