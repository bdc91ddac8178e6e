import type { RecordType } from '../http/index.js';

/** Numbering rules serve the whole group. */
export const numberingRecordTypes: RecordType[] = [{ type: 'numberingRule', entityOwned: false }];
