export const agencyKeys = {
  all: ['agencies'] as const,
  list: () => [...agencyKeys.all, 'list'] as const,
};
