export const specimenKeys = {
  all: ['specimens'] as const,
  list: () => [...specimenKeys.all, 'list'] as const,
  choices: () => [...specimenKeys.all, 'choices'] as const,
};
