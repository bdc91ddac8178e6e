import type { TFunction } from 'i18next';
import { isApiError } from '../app/api/ApiError';

/** The message to show for a failure: the server's (already localised) detail when there is one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) return error.detail;
  return t('errors.actionFailed');
}
