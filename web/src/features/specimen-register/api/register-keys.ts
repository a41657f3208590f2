import type { RegisterQuery } from '@ecoo/shared/specimen-register/schemas';

export const registerKeys = {
  all: ['specimen-register'] as const,
  myLink: () => [...registerKeys.all, 'my-link'] as const,
  register: (token: string, query: RegisterQuery) => [...registerKeys.all, 'register', token, query] as const,
};
