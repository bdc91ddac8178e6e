import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FILE_MAX_BYTES, type FileObject } from '@concord/contracts';
import { type Db, newId, readBool, readInstant } from '../../db/index.js';
import { isInScope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { FileReadGrant } from './files.grants.js';
import { AppError, notFound, type RequestContext } from '../http/index.js';
import * as repo from './files.repository.js';
import type { FileObjectTable } from './files.tables.js';
import type { Clock } from '../jobs/index.js';

export interface FileUpload {
  name: string;
  contentType: string;
  stream: Readable;
  /** Set by the multipart reader when the stream was cut at the size limit. */
  truncated?: () => boolean;
  /** Readable by its owner only (an export or import workbook of theirs), whatever others' scopes. */
  ownerOnly?: boolean;
  /** The size limit; FILE_MAX_BYTES unless Concord writes the file itself (an export). */
  maxBytes?: number;
}

/**
 * Attachments: bytes on disk under `<filesDir>/<yyyy>/<mm>/<id>`, metadata in `file_object`. The
 * uploader always sees their file; others need `file.view` with a data scope covering the entity the
 * uploader acted in.
 */
export class FilesService {
  private readonly db: Db;
  readonly #grants: FileReadGrant[] = [];

  constructor(
    db: Db,
    private readonly audit: AuditService,
    private readonly filesDir: string,
    private readonly clock: Clock,
  ) {
    this.db = db;
  }

  /**
   * Stores one file. Signed-in users only; the file belongs to the entity they act in. The system
   * context (seeding) names the entity itself.
   */
  async upload(ctx: RequestContext, input: FileUpload, systemEntityId?: string): Promise<FileObject> {
    const entityId = ctx.actor ? ctx.actor.actingEntityId : systemEntityId;
    if (!entityId) throw new AppError('FORBIDDEN');
    const id = newId();
    const createdAt = this.clock.now().toISOString();
    const relative = path.join(createdAt.slice(0, 4), createdAt.slice(5, 7), id);
    const target = path.join(this.filesDir, relative);
    const partial = `${target}.part`;
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        input.stream,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        fs.createWriteStream(partial, { flags: 'wx' }),
      );
      if (input.truncated?.() || size > (input.maxBytes ?? FILE_MAX_BYTES))
        throw new AppError('PAYLOAD_TOO_LARGE');
      return await this.db.transaction().execute(async (trx) => {
        const row: FileObjectTable = {
          id,
          entity_id: entityId,
          owner_id: ctx.actor?.userId ?? null,
          name: cleanName(input.name),
          content_type: cleanContentType(input.contentType),
          size,
          sha256: hash.digest('hex'),
          created_at: createdAt,
          ...(input.ownerOnly ? { owner_only: true } : {}),
        };
        await repo.insertFile(trx, row);
        await this.audit.record(trx, ctx, {
          entityType: 'file',
          entityId: id,
          action: 'create',
          after: { ...row },
        });
        // Moved into place before the commit: a committed row never points at missing bytes.
        await fsp.rename(partial, target);
        return toFileObject(row);
      });
    } catch (error) {
      await fsp.rm(partial, { force: true });
      await fsp.rm(target, { force: true });
      throw error;
    }
  }

  async get(ctx: RequestContext, id: string): Promise<FileObject> {
    return toFileObject(await this.visibleRow(this.db, ctx, id));
  }

  /** The metadata and a stream of the bytes, for download. */
  async open(ctx: RequestContext, id: string): Promise<{ file: FileObject; stream: Readable }> {
    const row = await this.visibleRow(this.db, ctx, id);
    const at = readInstant(row.created_at)!;
    const location = path.join(this.filesDir, at.slice(0, 4), at.slice(5, 7), row.id);
    const stream = await fsp
      .open(location)
      .then((handle) => handle.createReadStream())
      .catch(() => {
        throw notFound();
      });
    return { file: toFileObject(row), stream };
  }

  /**
   * Which of these file ids exist and are visible to the caller (for form attachments). Pass the
   * transaction when inside one.
   */
  async visibleIds(db: Db, ctx: RequestContext, ids: string[]): Promise<Set<string>> {
    const rows = await repo.findFiles(db, [...new Set(ids)]);
    const visible = new Set<string>();
    for (const row of rows) if (await this.canSee(db, ctx, row)) visible.add(row.id);
    return visible;
  }

  /** File names by id, for lists that show attachments (no access check: names only, for records already shown). */
  async namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
    const rows = ids.length ? await repo.findFiles(db, [...new Set(ids)]) : [];
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  private async visibleRow(db: Db, ctx: RequestContext, id: string): Promise<FileObjectTable> {
    const row = await repo.findFile(db, id);
    if (!row || !(await this.canSee(db, ctx, row))) throw notFound();
    return row;
  }

  /**
   * Lets another part of Concord vouch for readers: the approval engine lets everyone who can see an
   * approval read the files attached to it, whatever their `file.view` scope.
   */
  grantReadsVia(grant: FileReadGrant): void {
    this.#grants.push(grant);
  }

  private async canSee(db: Db, ctx: RequestContext, row: FileObjectTable): Promise<boolean> {
    if (ctx.actor && row.owner_id === ctx.actor.userId) return true;
    if (readBool(row.owner_only)) return false;
    if (ctx.access.has('file.view')) {
      const scope = await ctx.access.require('file.view');
      if (isInScope(scope, { entityId: row.entity_id, ownerId: row.owner_id })) return true;
    }
    for (const grant of this.#grants) if (await grant(db, ctx, row.id)) return true;
    return false;
  }
}

function toFileObject(row: FileObjectTable): FileObject {
  return {
    id: row.id,
    entityId: row.entity_id,
    ownerId: row.owner_id,
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: readInstant(row.created_at)!,
  };
}

/** The last path segment, without control characters, at most 200 characters. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(0, 200) || 'file';
}

function cleanContentType(type: string): string {
  const value = type.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(value) && value.length <= 100
    ? value
    : 'application/octet-stream';
}

/** `attachment` with an ASCII fallback name and the exact name per RFC 5987 / RFC 6266. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
