import { queryOptions, useQuery } from '@tanstack/react-query';
import { callApi } from '../../../lib/api-client';
import { outboxApi } from '@ecoo/shared/outbox/api';

export const outboxKeys = { all: ['outbox'] as const, list: () => [...outboxKeys.all, 'list'] as const };

export const getOutbox = (signal?: AbortSignal) => callApi(outboxApi.listOutbox, { signal });

/** New mail arrives as reviewers act elsewhere, so the page asks again every few seconds. */
export const getOutboxQueryOptions = () =>
  queryOptions({ queryKey: outboxKeys.list(), queryFn: ({ signal }) => getOutbox(signal), staleTime: 0, refetchInterval: (query) => (query.state.status === 'error' ? false : 5_000) });

export const useOutbox = () => useQuery(getOutboxQueryOptions());
