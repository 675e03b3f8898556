// Starts writing a course file and never finishes: the test kills it with SIGKILL once the partial exists.
import { CourseFileWriter } from '../../../../../src/node/course-file';

async function run(): Promise<void> {
  const [target] = process.argv.slice(2);
  const writer = await CourseFileWriter.create(target!, {
    course: { id: 'x', title: 'X', language: 'nb' },
    passwords: ['p'],
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
    chunkSize: 1024,
  });
  await writer.addEntry('a.bin', Buffer.alloc(10_000, 1));
  process.stdout.write('writing\n');
  setInterval(() => undefined, 1000);
}

void run();
