import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { officeKeys } from './office-keys';
import { officesApi } from '@ecoo/shared/offices/api';

const formWith = (file: File) => {
  const formData = new FormData();
  formData.append('file', file);
  return formData;
};

/** Checks every row and changes nothing. */
export const dryRunOfficeImport = (file: File) => callApi(officesApi.dryRunOfficeImport, { formData: formWith(file) });
export const useDryRunOfficeImport = () => useMutation({ mutationFn: dryRunOfficeImport });

/** All rows or none; the list is reloaded after it. */
export const importOffices = (file: File) => callApi(officesApi.importOffices, { formData: formWith(file) });
export function useImportOffices() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: importOffices, onSuccess: () => queryClient.invalidateQueries({ queryKey: officeKeys.all }) });
}
