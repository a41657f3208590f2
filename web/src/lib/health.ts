import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from './api-client';
import { healthApi } from '@ecoo/shared/health/api';

export const healthKeys = { health: ['health'] as const };

export const getHealth = () => callApi(healthApi.getHealth);

/** Whether demo data and the development outbox are on: fixed while the BFF runs. */
export const getHealthQueryOptions = () => queryOptions({ queryKey: healthKeys.health, queryFn: getHealth, staleTime: Infinity });

export const useHealth = () => useQuery(getHealthQueryOptions());
