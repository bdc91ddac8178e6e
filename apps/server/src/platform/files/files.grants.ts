import type { Db } from '../../db/index.js';
import type { RequestContext } from '../http/index.js';

/**
 * Answers whether the caller may read a file for a reason the files part does not know about (an
 * approval's participants read its attachments). Modules contribute them through their definition.
 */
export type FileReadGrant = (db: Db, ctx: RequestContext, fileId: string) => Promise<boolean>;
