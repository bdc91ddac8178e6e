import type { SealRequest } from '@concord/contracts';

/** One colour per seal request status, as with the other status tags of the app. */
export const sealStatusColors: Record<SealRequest['status'], string> = {
  IN_APPROVAL: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  USED: 'purple',
};
