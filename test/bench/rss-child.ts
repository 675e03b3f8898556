import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unlockCourseFile, CourseFileWriter } from '../../src/node/course-file';
import { packCourse } from '../../src/node/packer/pack-course';

/**
 * Runs one job in its own process and prints that process's peak RSS as JSON, so each figure is the job's
 * own and not the benchmark driver's. Usage: rss-child <write|read|pack> <args…>
 */
export async function runRssChild(argv: readonly string[]): Promise<void> {
  const [job, ...args] = argv;
  if (job === undefined) throw new Error('usage: rss-child <write|read|idle|pack> <args…>');
  switch (job) {
    case 'write': {
      const [out, megabytes] = args;
      const writer = await CourseFileWriter.create(out!, {
        course: { id: 'bench', title: 'Bench', language: 'nb' },
        passwords: ['bench'],
        scrypt: { N: 2 ** 10, r: 8, p: 1 },
      });
      const piece = randomBytes(256 * 1024);
      await writer.addEntry(
        'big.bin',
        (function* () {
          for (let i = 0; i < Number(megabytes) * 4; i++) yield piece;
        })(),
      );
      await writer.finish();
      break;
    }
    case 'read': {
      const [path] = args;
      const file = await unlockCourseFile(path!, 'bench');
      let bytes = 0;
      for await (const part of file.read('big.bin')) bytes += part.length;
      await file.close();
      if (bytes === 0) throw new Error('read nothing');
      break;
    }
    case 'idle':
      // The same process and modules doing nothing: the baseline the other jobs' peaks are compared with.
      break;
    case 'pack': {
      const [folder, out] = args;
      await packCourse({
        folder: folder!,
        out: out!,
        passwords: ['bench'],
        scrypt: { N: 2 ** 10, r: 8, p: 1 },
      });
      break;
    }
    default:
      throw new Error(`unknown job ${job}`);
  }
  process.stdout.write(`${JSON.stringify({ job, maxRssMiB: peakRssMiB() })}\n`);
}

/**
 * This process's peak RSS. On Linux VmHWM, because getrusage's maxRSS survives exec and so reports the
 * parent's high-water mark from before the fork; elsewhere maxRSS is the best there is.
 */
function peakRssMiB(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    if (kib) return Number(kib) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

if (require.main === module) {
  runRssChild(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
