import type { RecordType } from '../../../platform/http/index.js';
import { borrowSampleIn } from './archive.repository.js';
import { sealSampleIn } from './seals.repository.js';

/** Borrows and seal requests belong to their contract's entity. */
export const contractArchiveRecordTypes: RecordType[] = [
  { type: 'contractBorrow', entityOwned: true, sampleIn: borrowSampleIn },
  { type: 'contractSeal', entityOwned: true, sampleIn: sealSampleIn },
];
