import { parseDocument, isMap, isSeq, type Document } from 'yaml';
import { formatTime, parseTime } from '../../common/course/time';
import { scaleDemoTime, type DemoVariant } from './demo-variants';

/**
 * Rewrites the times in a course.yaml (chapter and statement start/end) for a demo variant, keeping the
 * rest of the document, comments included, as the author wrote it.
 */
export function scaleCourseYaml(text: string, variant: DemoVariant): string {
  const doc = parseDocument(text);
  const chapters = doc.get('chapters');
  if (!isSeq(chapters)) return text;
  chapters.items.forEach((chapter, index) => {
    if (!isMap(chapter)) return;
    scaleField(doc, ['chapters', index], variant);
    const statements = chapter.get('statements');
    if (!isSeq(statements)) return;
    statements.items.forEach((_statement, statementIndex) =>
      scaleField(doc, ['chapters', index, 'statements', statementIndex], variant),
    );
  });
  return doc.toString();
}

function scaleField(doc: Document, path: (string | number)[], variant: DemoVariant): void {
  for (const key of ['start', 'end']) {
    const seconds = parseTime(doc.getIn([...path, key]));
    if (seconds !== null)
      doc.setIn([...path, key], formatTime(scaleDemoTime(seconds, variant), { millis: true }));
  }
}

const VTT_TIME = /(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})/g;

/** Scales every cue timing line of a WebVTT file for a demo variant. */
export function scaleWebVtt(text: string, variant: DemoVariant): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line.includes('-->')
        ? line.replace(VTT_TIME, (_match, h: string | undefined, m: string, s: string, ms: string) => {
            const seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
            return formatVttTime(scaleDemoTime(seconds, variant));
          })
        : line,
    )
    .join('\n');
}

function formatVttTime(seconds: number): string {
  const totalMs = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const h = Math.floor(totalMs / 3_600_000);
  const m = Math.floor((totalMs % 3_600_000) / 60_000);
  const s = Math.floor((totalMs % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(totalMs % 1000, 3)}`;
}
