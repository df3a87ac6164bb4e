/**
 * The page's cache of the core's answers (TanStack Query). Nothing goes stale by time: the core
 * says what changed (events, and the effects a write answers with), and only the matching answers
 * are asked again, and only while a screen shows them. A failed background refresh keeps the
 * last good answer on screen and shows a notice (see background-errors.ts); no screen unmounts.
 */
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { reportBackgroundError } from './background-errors';

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      // A first load has no data to keep: the screen shows its own error. A refresh keeps the data.
      if (query.state.data !== undefined) reportBackgroundError(query.queryKey, error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: Infinity,
      // The core is on this machine: a failure is not the network's; one more try is enough.
      retry: 1,
      retryDelay: 200,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      structuralSharing: true,
    },
    mutations: { retry: false },
  },
});
