/** The signed-in officer's own DSC; an administrator's view of an officer's DSC is User Management's. */
export const dscKeys = {
  all: ['dsc'] as const,
  mine: () => [...dscKeys.all, 'mine'] as const,
};
