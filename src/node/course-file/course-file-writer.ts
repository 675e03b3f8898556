import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { encryptChunk } from './chunk-cipher';
import { CourseFileError } from './course-file-error';
import { flushDirectory, realDiskWrites, writeFully, type DiskWrites } from './disk-writes';
import {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_HEADER_REGION_SIZE,
  ENTRY_NAME_PATTERN,
  FILE_ID_SIZE,
  FORMAT_VERSION,
  INDEX_ENTRY_ID,
  headerCopies,
  KEY_SIZE,
  MAX_CHUNK_SIZE,
  MAX_KEY_SLOTS,
  MIN_CHUNK_SIZE,
  type CourseFileHeader,
  type IndexEntry,
} from './format';
import { encodeHeaderRegion } from './header-codec';
import { createKeySlot, DEFAULT_SCRYPT_COST, type ScryptCost } from './key-slots';
import { partialPathFor, removeStalePartials } from './partial-files';
import { deriveSubkeys, type Subkeys } from './subkeys';

/** The public facts about the course, written in clear into the header so `inspect` can show them. */
export interface PublicCourseInfo {
  id: string;
  title: string;
  language: string;
}

/** How to create a course file. */
export interface CreateCourseFileOptions {
  course: PublicCourseInfo;
  passwords: readonly string[];
  scrypt?: ScryptCost;
  chunkSize?: number;
  headerRegionSize?: number;
  createdBy?: string;
  now?: Date;
  /** The disk to write to; tests pass one that fails or writes short. */
  disk?: DiskWrites;
}

/** What a finished write produced. */
export interface WrittenCourseFile {
  path: string;
  bytes: number;
  entries: readonly IndexEntry[];
}

/** Bytes that can be written as an entry: a buffer, or any (async) sequence of buffers. */
export type EntrySource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** Receives one entry's bytes in order; `end()` seals it. */
export interface EntrySink {
  write(bytes: Uint8Array): Promise<void>;
  end(): Promise<IndexEntry>;
}

/**
 * Writes a course file as a stream: entries are chunked and encrypted as their bytes arrive, so memory
 * stays at about one chunk whatever the film's size. Everything goes to a temporary file beside the target,
 * renamed into place only by `finish()`; `abort()` (or any failure) removes it, so there is never a partial
 * course file under the target's name.
 */
export class CourseFileWriter {
  private readonly entries: IndexEntry[] = [];
  private readonly names = new Set<string>();
  private position: number;
  private openSink = false;
  private state: 'open' | 'finished' | 'aborted' = 'open';

  private constructor(
    private readonly handle: FileHandle,
    private readonly disk: DiskWrites,
    private readonly tempPath: string,
    private readonly targetPath: string,
    private readonly header: Omit<CourseFileHeader, 'index' | 'fileSize'>,
    private readonly fileId: Buffer,
    private readonly keys: Subkeys,
  ) {
    this.position = header.dataOffset;
  }

  /**
   * Creates the temporary file and one key slot per password (one KDF run each). Partials of the same target
   * left by a killed write are removed first, so repeated kills do not pile up copies of the film.
   */
  static async create(targetPath: string, options: CreateCourseFileOptions): Promise<CourseFileWriter> {
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
      throw new RangeError(`chunk size ${chunkSize} is outside ${MIN_CHUNK_SIZE}-${MAX_CHUNK_SIZE}`);
    }
    if (options.passwords.length === 0) throw new RangeError('a course file needs at least one password');
    if (options.passwords.length > MAX_KEY_SLOTS) {
      throw new CourseFileError({ kind: 'too-many-passwords', max: MAX_KEY_SLOTS });
    }
    const now = options.now ?? new Date();
    const fileId = randomBytes(FILE_ID_SIZE);
    const contentKey = randomBytes(KEY_SIZE);
    const slots = [];
    for (const password of options.passwords) {
      slots.push(
        await createKeySlot(password, contentKey, fileId, options.scrypt ?? DEFAULT_SCRYPT_COST, now),
      );
    }
    const regionSize = options.headerRegionSize ?? DEFAULT_HEADER_REGION_SIZE;
    await removeStalePartials(targetPath);
    const tempPath = partialPathFor(targetPath);
    const handle = await open(tempPath, 'wx', 0o600);
    const header = {
      format: FORMAT_VERSION,
      generation: 0,
      fileId: fileId.toString('base64'),
      createdAt: now.toISOString(),
      createdBy: options.createdBy ?? 'plenum',
      course: { ...options.course },
      chunkSize,
      // Two header copies before the data (format 2): see rewriteHeader in passwords.ts for why.
      dataOffset: regionSize * headerCopies(FORMAT_VERSION),
      slots,
    };
    return new CourseFileWriter(
      handle,
      options.disk ?? realDiskWrites,
      tempPath,
      targetPath,
      header,
      fileId,
      deriveSubkeys(contentKey, fileId),
    );
  }

  /** Writes a whole entry from a buffer or a stream of buffers. */
  async addEntry(name: string, source: EntrySource): Promise<IndexEntry> {
    const sink = this.openEntry(name);
    if (source instanceof Uint8Array) {
      await sink.write(source);
    } else {
      for await (const bytes of source) await sink.write(bytes);
    }
    return sink.end();
  }

  /** Opens an entry for streaming writes; one entry at a time, in the order they are opened. */
  openEntry(name: string): EntrySink {
    this.assertOpen();
    if (!ENTRY_NAME_PATTERN.test(name)) throw new CourseFileError({ kind: 'bad-entry-name', entry: name });
    if (this.names.has(name)) throw new CourseFileError({ kind: 'duplicate-entry', entry: name });
    if (this.openSink) throw new Error('another entry is still being written');
    this.names.add(name);
    this.openSink = true;
    const id = this.entries.length + 1;
    const offset = this.position;
    const sink = this.chunkedSink(id, (size) => {
      this.openSink = false;
      const entry: IndexEntry = { name, id, offset, size };
      this.entries.push(entry);
      return entry;
    });
    return sink;
  }

  /** Writes the index and the header, flushes to disk and renames the file into place. */
  async finish(): Promise<WrittenCourseFile> {
    this.assertOpen();
    if (this.openSink) throw new Error('an entry is still being written');
    try {
      const indexOffset = this.position;
      const indexJson = Buffer.from(JSON.stringify({ entries: this.entries }), 'utf8');
      const indexSink = this.chunkedSink(INDEX_ENTRY_ID, (size) => size);
      await indexSink.write(indexJson);
      await indexSink.end();
      const header: CourseFileHeader = {
        ...this.header,
        fileSize: this.position,
        index: { offset: indexOffset, size: indexJson.length },
      };
      const regionSize = this.header.dataOffset / headerCopies(this.header.format);
      const region = encodeHeaderRegion(header, this.keys.headerMac, regionSize);
      for (let copy = 0; copy < headerCopies(this.header.format); copy++) {
        await writeFully(this.handle, region, copy * regionSize, this.disk);
      }
      await this.disk.sync(this.handle);
      await this.handle.close();
      await rename(this.tempPath, this.targetPath);
      await flushDirectory(this.disk, dirname(this.targetPath)).catch(async (error: unknown) => {
        // The new name may not survive a power cut: take the file away again, so "nothing was written" is true.
        await unlink(this.targetPath).catch(() => undefined);
        throw error;
      });
      this.state = 'finished';
      return { path: this.targetPath, bytes: header.fileSize, entries: [...this.entries] };
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Stops writing and removes the temporary file; safe to call more than once. */
  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }

  /** The temporary file's path (tests check that an aborted write leaves nothing behind). */
  get temporaryPath(): string {
    return this.tempPath;
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new CourseFileError({ kind: 'closed' });
  }

  /**
   * A sink that cuts bytes into chunks. It keeps one chunk's worth back until more arrives, because the last
   * chunk must be marked as last before it is encrypted (that is what makes truncation detectable).
   */
  private chunkedSink<T>(
    entryId: number,
    onEnd: (size: number) => T,
  ): { write(b: Uint8Array): Promise<void>; end(): Promise<T> } {
    const chunkSize = this.header.chunkSize;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let chunkIndex = 0;
    let size = 0;
    const emit = async (plaintext: Buffer, last: boolean) => {
      const record = encryptChunk(
        this.keys.data,
        { fileId: this.fileId, entryId, chunkIndex, last },
        plaintext,
      );
      await writeFully(this.handle, record, this.position, this.disk);
      this.position += record.length;
      chunkIndex += 1;
    };
    return {
      write: async (bytes) => {
        this.assertOpen();
        if (bytes.length === 0) return;
        pending.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        pendingBytes += bytes.length;
        size += bytes.length;
        while (pendingBytes > chunkSize) {
          const all = Buffer.concat(pending, pendingBytes);
          // Copy out the chunk: the caller may reuse its buffer after write() resolves.
          await emit(Buffer.from(all.subarray(0, chunkSize)), false);
          const rest = Buffer.from(all.subarray(chunkSize));
          pending = [rest];
          pendingBytes = rest.length;
        }
      },
      end: async () => {
        this.assertOpen();
        await emit(Buffer.concat(pending, pendingBytes), true);
        pending = [];
        pendingBytes = 0;
        return onEnd(size);
      },
    };
  }
}
