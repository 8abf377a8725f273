import { AppError, LOCAL_FILE_ID } from '@bianmin/core';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage } from './index';

export interface LocalStorage extends Storage {
  /** What the gateway's upload route does: keep the bytes, remember who uploaded them. */
  put(bytes: Buffer, ownerOpenid: string): Promise<string>;
  /** The bytes by id alone, for the gateway's download route (ids are random UUIDs). */
  bytes(uuid: string): Promise<Buffer | null>;
}

interface Meta {
  owner: string;
  size: number;
}

const notFound = () => new AppError('NOT_FOUND', '没有找到上传的文件，请重新上传。', { fields: { fileId: '文件不存在或已过期，请重新上传' } });

/** `local://<uuid>`: `<dir>/<uuid>` holds the bytes, `<dir>/<uuid>.json` the uploader. */
export function localStorage(dir: string, opts: { urlBase?: string } = {}): LocalStorage {
  const urlBase = opts.urlBase ?? '/api/__dev/storage';
  const uuidOf = (fileId: string) => (LOCAL_FILE_ID.test(fileId) ? fileId.slice('local://'.length) : null);
  const readMeta = async (uuid: string): Promise<Meta | null> => {
    try {
      return JSON.parse(await readFile(join(dir, `${uuid}.json`), 'utf8')) as Meta;
    } catch {
      return null;
    }
  };
  return {
    async put(bytes, ownerOpenid) {
      await mkdir(dir, { recursive: true });
      const uuid = randomUUID();
      // Bytes first, then the meta by rename: a file without its meta is invisible, never half-read.
      await writeFile(join(dir, uuid), bytes);
      await writeFile(join(dir, `${uuid}.json.tmp`), JSON.stringify({ owner: ownerOpenid, size: bytes.length } satisfies Meta));
      await rename(join(dir, `${uuid}.json.tmp`), join(dir, `${uuid}.json`));
      return `local://${uuid}`;
    },
    async read(fileId, ownerOpenid) {
      const uuid = uuidOf(fileId);
      const meta = uuid ? await readMeta(uuid) : null;
      if (!uuid || !meta || meta.owner !== ownerOpenid) throw notFound();
      return readFile(join(dir, uuid));
    },
    async stat(fileId, ownerOpenid) {
      const uuid = uuidOf(fileId);
      const meta = uuid ? await readMeta(uuid) : null;
      if (!uuid || !meta || meta.owner !== ownerOpenid) throw notFound();
      try {
        return { size: (await stat(join(dir, uuid))).size };
      } catch {
        throw notFound();
      }
    },
    async bytes(uuid) {
      if (!/^[0-9a-f-]{36}$/.test(uuid) || !(await readMeta(uuid))) return null;
      return readFile(join(dir, uuid));
    },
    async displayUrl(fileId) {
      const uuid = uuidOf(fileId);
      if (!uuid) throw notFound();
      return `${urlBase}/${uuid}`;
    },
  };
}
