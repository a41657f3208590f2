/** General to specific: a stamp change invalidates its office's stamp and leaves other offices alone. */
export const imageKeys = {
  all: ['images'] as const,
  job: (jobId: string) => [...imageKeys.all, 'job', jobId] as const,
  officeStamp: (officeId: string) => [...imageKeys.all, 'office-stamp', officeId] as const,
};
