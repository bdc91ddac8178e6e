import type { RecordType } from '../http/record-types.js';

/** Numbering rules serve the whole group. */
export const numberingRecordTypes: RecordType[] = [{ type: 'numberingRule', entityOwned: false }];
