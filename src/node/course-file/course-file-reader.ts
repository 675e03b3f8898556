import { decryptChunkAsync, importChunkKey, type ChunkKey } from './chunk-cipher';
import { CourseFileError } from './course-file-error';
import {
  CHUNK_OVERHEAD,
  INDEX_ENTRY_ID,
  chunkCount,
  indexSchema,
  storedSize,
  type CourseFileHeader,
  type IndexEntry,
} from './format';
import {
  bufferBytes,
  openCourseHandle,
  readExactly,
  readHeader,
  type CourseBytes,
  type ReadHeaders,
} from './file-access';
import type { Subkeys } from './subkeys';
import { unlockHeader } from './unlock-header';

/** How many chunks a read keeps in flight: enough to keep both cores of a classroom laptop busy. */
const READ_AHEAD = 3;

/** A half-open byte range [start, end) of an entry's plaintext. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Progress of `verify`, in stored bytes. */
export type VerifyProgress = (doneBytes: number, totalBytes: number) => void;

/**
 * Opens a course file and reads its public header, without a password. Refuses, with the right problem,
 * files that are missing, not course files, from a newer version, truncated or visibly damaged.
 */
export async function openCourseFile(path: string): Promise<LockedCourseFile> {
  return openCourseBytes(await openCourseHandle(path, 'r'), path);
}

/**
 * Opens a course file held in memory; the buffer is read live, so tests and the fuzzer can alter bytes and
 * read again without writing a file each time.
 */
export async function openCourseBuffer(bytes: Buffer): Promise<LockedCourseFile> {
  return openCourseBytes(bufferBytes(bytes), '(memory)');
}

async function openCourseBytes(handle: CourseBytes, path: string): Promise<LockedCourseFile> {
  try {
    const { size, dev, ino } = await handle.stat();
    const headers = await readHeader(handle, size);
    const { header } = headers.intact[0]!;
    if (size < header.fileSize) {
      throw new CourseFileError({ kind: 'truncated', expectedBytes: header.fileSize, actualBytes: size });
    }
    if (size > header.fileSize) throw new CourseFileError({ kind: 'damaged', where: { part: 'layout' } });
    return new LockedCourseFile(handle, headers, `${dev}:${ino}`, path);
  } catch (error) {
    await handle.close();
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (error instanceof CourseFileError || typeof code !== 'string') throw error;
    // A disk that fails a read (EIO) is named like a file that cannot be opened, never a raw error.
    throw new CourseFileError({ kind: 'unreadable', path, reason: code }, { cause: error });
  }
}

/** Opens and unlocks in one step, closing the file again whatever fails (the usual way in). */
export async function unlockCourseFile(path: string, password: string): Promise<UnlockedCourseFile> {
  const locked = await openCourseFile(path);
  try {
    return await locked.unlock(password);
  } finally {
    await locked.close();
  }
}

/**
 * A course file whose header has been read; `unlock` turns a password into an UnlockedCourseFile.
 * A failed unlock leaves it open, so the person can try another password; a successful one hands the file
 * over to the UnlockedCourseFile, after which closing this one does nothing.
 */
export class LockedCourseFile {
  private closed = false;
  private handedOver = false;

  constructor(
    private readonly handle: CourseBytes,
    private readonly headers: ReadHeaders,
    /** Which file this is on its disk (device and inode), whatever name it was opened by. */
    readonly identity: string,
    /** The name it was opened by, for messages. */
    readonly path: string,
  ) {}

  /** The public header (of the current copy): course id, title, key slots. Authenticated only once unlocked. */
  get header(): CourseFileHeader {
    return this.headers.intact[0]!.header;
  }

  /**
   * Unwraps the content key with `password`, authenticates the header with it, and decrypts the index.
   * The same file handle is handed over: close either the locked or the unlocked file, not both.
   */
  async unlock(password: string): Promise<UnlockedCourseFile> {
    if (this.closed || this.handedOver) throw new CourseFileError({ kind: 'closed' });
    const opened = await unlockHeader(password, this.headers.intact);
    const unlocked = new UnlockedCourseFile(
      this.handle,
      opened.copy.header,
      opened.fileId,
      opened.keys,
      opened.slotId,
      this.identity,
      this.path,
    );
    await unlocked.loadIndex();
    this.handedOver = true;
    return unlocked;
  }

  /** Closes the file, unless an unlock has handed it over. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed || this.handedOver) return;
    this.closed = true;
    await this.handle.close();
  }
}

/** An unlocked course file: its entries can be read in any range, each chunk authenticated as it is read. */
export class UnlockedCourseFile {
  private index: readonly IndexEntry[] = [];
  private byName = new Map<string, IndexEntry>();
  private closed = false;
  private importedKey: Promise<ChunkKey> | null = null;

  constructor(
    private readonly handle: CourseBytes,
    readonly header: CourseFileHeader,
    private readonly fileId: Buffer,
    private readonly keys: Subkeys,
    /** The id of the key slot the password opened (for `passwords remove`). */
    readonly slotId: string,
    /** Which file this is on its disk (device and inode): the same course opened twice shares one descriptor. */
    readonly identity: string,
    /** The name it was opened by, for messages. */
    readonly path: string,
  ) {}

  /** Decrypts the index and checks that the entries tile the data region exactly, with nothing hidden between. */
  async loadIndex(): Promise<void> {
    const { offset, size } = this.header.index;
    const indexEntry: IndexEntry = { name: 'index', id: INDEX_ENTRY_ID, offset, size };
    const parts: Buffer[] = [];
    try {
      for await (const part of this.readEntryRange(indexEntry, { start: 0, end: size })) parts.push(part);
    } catch (cause) {
      if (cause instanceof CourseFileError && cause.problem.kind === 'damaged') {
        throw new CourseFileError({ kind: 'damaged', where: { part: 'index' } }, { cause });
      }
      throw cause;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch (cause) {
      throw new CourseFileError({ kind: 'damaged', where: { part: 'index' } }, { cause });
    }
    const result = indexSchema.safeParse(parsed);
    if (!result.success) throw new CourseFileError({ kind: 'damaged', where: { part: 'index' } });
    const entries = result.data.entries;
    let expectedOffset = this.header.dataOffset;
    const names = new Map<string, IndexEntry>();
    for (const [position, entry] of entries.entries()) {
      if (entry.id !== position + 1 || entry.offset !== expectedOffset || names.has(entry.name)) {
        throw new CourseFileError({ kind: 'damaged', where: { part: 'layout' } });
      }
      names.set(entry.name, entry);
      expectedOffset += storedSize(entry.size, this.header.chunkSize);
    }
    if (
      expectedOffset !== offset ||
      offset + storedSize(size, this.header.chunkSize) !== this.header.fileSize
    ) {
      throw new CourseFileError({ kind: 'damaged', where: { part: 'layout' } });
    }
    this.index = entries;
    this.byName = names;
  }

  /** Every entry, in file order. */
  entries(): readonly IndexEntry[] {
    return this.index;
  }

  /** Whether an entry of that name exists. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The entry of that name; throws `unknown-entry` when there is none. */
  entry(name: string): IndexEntry {
    const entry = this.byName.get(name);
    if (!entry) throw new CourseFileError({ kind: 'unknown-entry', entry: name });
    return entry;
  }

  /**
   * Reads [start, end) of an entry's plaintext, decrypting only the chunks the range touches, one chunk per
   * step of the iteration: a consumer that stops early (an aborted request) stops the decrypting.
   */
  read(name: string, range?: ByteRange): AsyncGenerator<Buffer> {
    const entry = this.entry(name);
    const wanted = range ?? { start: 0, end: entry.size };
    if (
      !Number.isSafeInteger(wanted.start) ||
      !Number.isSafeInteger(wanted.end) ||
      wanted.start < 0 ||
      wanted.end < wanted.start ||
      wanted.end > entry.size
    ) {
      throw new CourseFileError({
        kind: 'bad-range',
        entry: name,
        start: wanted.start,
        end: wanted.end,
        size: entry.size,
      });
    }
    return this.readEntryRange(entry, wanted);
  }

  /** Reads a whole (small) entry into memory: the manifest, a playlist, subtitles. */
  async readAll(name: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.read(name)) parts.push(part);
    return Buffer.concat(parts);
  }

  /** Authenticates every chunk of every entry, reporting progress; throws the first problem found. */
  async verify(onProgress?: VerifyProgress): Promise<void> {
    const total = this.header.fileSize - this.header.dataOffset;
    let done = 0;
    for (const entry of this.index) {
      // Reading the whole range authenticates every chunk; the bytes themselves are dropped.
      for await (const part of this.readEntryRange(entry, { start: 0, end: entry.size })) {
        done += part.length + CHUNK_OVERHEAD;
        onProgress?.(Math.min(done, total), total);
      }
      if (entry.size === 0) done += CHUNK_OVERHEAD;
    }
    onProgress?.(total, total);
  }

  /** Closes the file; further reads fail with `closed`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  /**
   * Decrypts the chunks a range touches, in order, with up to READ_AHEAD chunks read and decrypting at once
   * on WebCrypto, which runs AES-GCM on the thread pool: the main thread (Electron's main, which also answers
   * IPC) stays free while a film streams. Measured here: raw decryption 1.4-1.5x faster three deep than one
   * at a time; a whole read about the same as node:crypto on the calling thread, as reads and copies share the
   * two cores. A consumer that stops early leaves at most READ_AHEAD chunks of wasted work.
   */
  private async *readEntryRange(entry: IndexEntry, range: ByteRange): AsyncGenerator<Buffer> {
    const chunkSize = this.header.chunkSize;
    const chunks = chunkCount(entry.size, chunkSize);
    const first = Math.floor(range.start / chunkSize);
    const last = Math.min(
      range.end > range.start ? Math.floor((range.end - 1) / chunkSize) : first,
      chunks - 1,
    );
    const key = await this.chunkKey();
    const pending: Promise<Buffer>[] = [];
    let nextToStart = first;
    const startNext = () => {
      const task = this.decryptChunkAt(key, entry, nextToStart, chunks);
      // A task abandoned by an early return must not surface as an unhandled rejection.
      task.catch(() => undefined);
      pending.push(task);
      nextToStart += 1;
    };
    for (let index = first; index <= last; index++) {
      while (nextToStart <= last && pending.length < READ_AHEAD) startNext();
      const plain = await pending.shift()!;
      const from = index === first ? range.start - index * chunkSize : 0;
      const to = index === last ? range.end - index * chunkSize : plain.length;
      // An empty range still authenticates the chunk it names (so verify covers empty entries), yields nothing.
      if (range.end > range.start) yield from === 0 && to === plain.length ? plain : plain.subarray(from, to);
    }
  }

  private async decryptChunkAt(
    key: ChunkKey,
    entry: IndexEntry,
    index: number,
    chunks: number,
  ): Promise<Buffer> {
    if (this.closed) throw new CourseFileError({ kind: 'closed' });
    const chunkSize = this.header.chunkSize;
    const plainLength = index < chunks - 1 ? chunkSize : entry.size - index * chunkSize;
    const offset = entry.offset + index * (chunkSize + CHUNK_OVERHEAD);
    const record = Buffer.allocUnsafe(plainLength + CHUNK_OVERHEAD);
    const read = await readExactly(this.handle, record, offset).catch((error: unknown) => {
      // A disk that fails mid-film (EIO, a network share gone) is named, never a raw error.
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (typeof code !== 'string') throw error;
      throw new CourseFileError({ kind: 'unreadable', path: this.path, reason: code }, { cause: error });
    });
    if (read < record.length) {
      throw new CourseFileError({
        kind: 'truncated',
        expectedBytes: offset + record.length,
        actualBytes: offset + read,
      });
    }
    const place = { fileId: this.fileId, entryId: entry.id, chunkIndex: index, last: index === chunks - 1 };
    const plain = await decryptChunkAsync(key, place, record);
    if (!plain) {
      throw new CourseFileError({
        kind: 'damaged',
        where: { part: 'entry', entry: entry.name, chunk: index, offset },
      });
    }
    return plain;
  }

  private chunkKey(): Promise<ChunkKey> {
    this.importedKey ??= importChunkKey(this.keys.data);
    return this.importedKey;
  }
}
