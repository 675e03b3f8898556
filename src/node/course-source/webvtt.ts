import { open } from 'node:fs/promises';

const SIGNATURE_LINE = /^WEBVTT(?:$|[ \t\r\n])/;

/**
 * Whether a file is WebVTT: after an optional byte-order mark it starts with "WEBVTT", followed by the end of
 * the file, a line break, a space or a tab (as the WebVTT spec and browsers require; "WEBVTTX" is refused).
 * Only the first bytes are read, so a huge file given by mistake costs nothing.
 */
export async function isWebVttFile(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return (
      head
        .subarray(0, bytesRead)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .match(SIGNATURE_LINE) !== null
    );
  } finally {
    await handle.close();
  }
}
