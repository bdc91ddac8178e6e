import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/ApiError';

// Client errors (4xx) are answers, not glitches: retrying a 403 or 404 only delays the message.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
