import { MANIFEST_VERSION } from '../../common/course/manifest';
import { COURSE_LIMITS } from './course-limits';
import { readReferencedFile, reportFileProblem, textOf } from './course-file-reference';
import { FieldReader } from './field-reader';
import type { FieldNode, LoadContext, Located } from './load-context';
import { readMarkdown } from './markdown-field';
import { openInside, type OpenedCourseFile } from './open-inside';
import { readHandout } from './read-handout';
import { definedOnly, readEach, readWith, readWithAsync } from './read-helpers';
import { UniqueValues } from './unique-values';
import {
  readBoolean,
  readId,
  readLanguage,
  readList,
  readMinutes,
  readText,
  readTime,
} from './value-readers';
import { checkWebVtt } from './webvtt';

/** The most WebVTT problems of each weight reported per subtitle file. */
const MAX_WEBVTT_PROBLEMS = 20;

/** A statement's times and where they were written, for the timeline checks. */
export interface TimelineStatement {
  path: string;
  start?: Located<number>;
  end?: Located<number>;
}

/** A chapter's times and statements and where they were written, for the timeline checks. */
export interface TimelineChapter {
  path: string;
  start?: Located<number>;
  end?: Located<number>;
  statements: TimelineStatement[];
}

/**
 * course.yaml read field by field. `fields` holds the manifest without its film; it is complete only when no
 * error was reported, and is then validated against the manifest schema.
 */
export interface CourseDraft {
  fields: Record<string, unknown>;
  /** The film, opened once; whoever receives the draft must close its handle. */
  film?: OpenedCourseFile & { reference: Located<string> };
  timeline: TimelineChapter[];
}

/** Checks that a speaker names a person; a no-op when the course lists no people (speakers are then free text). */
type SpeakerCheck = (speaker: Located<string>) => void;

/**
 * Reads every field of course.yaml, reporting each problem where it was written, and reads the files the
 * course refers to (Markdown, subtitles, pictures) without writing anything.
 */
export async function readCourse(ctx: LoadContext): Promise<CourseDraft | undefined> {
  const contents = ctx.yaml.document.contents;
  const course = FieldReader.open(ctx, { node: contents, path: '', at: ctx.yaml.at(contents, '') });
  if (course === undefined) {
    return undefined;
  }
  const id = readWith(course.required('id'), (field) => readId(ctx, field));
  const title = readWith(course.required('title'), (field) => readText(ctx, field));
  const language = readWith(course.required('language'), (field) => readLanguage(ctx, field));
  const filmReference = readWith(course.required('film'), (field) => readText(ctx, field));
  const film = filmReference && (await openFilm(ctx, filmReference));
  const notice = readWith(course.optional('notice'), (field) =>
    readText(ctx, field, COURSE_LIMITS.textCharacters),
  );

  const peopleField = course.optional('people');
  const personIds = new UniqueValues(ctx.issues, 'duplicate-id');
  const people = await readEach(ctx, peopleField, (item) => readPerson(ctx, item, personIds));
  const checkSpeaker: SpeakerCheck = (speaker) => {
    if (peopleField !== undefined && !personIds.has(speaker.value)) {
      ctx.issues.error('unknown-speaker', speaker.at, { value: speaker.value });
    }
  };

  const background = await readWithAsync(course.optional('background'), (field) => readMarkdown(ctx, field));
  const languages = new UniqueValues(ctx.issues, 'duplicate-language');
  const subtitles = await readEach(ctx, course.optional('subtitles'), (item) =>
    readSubtitle(ctx, item, languages),
  );

  const chaptersField = course.required('chapters');
  const chapterItems = chaptersField === undefined ? undefined : readList(ctx, chaptersField);
  if (chaptersField !== undefined && chapterItems?.length === 0) {
    ctx.issues.error('no-chapters', chaptersField.at, {});
  }
  const chapterIds = new UniqueValues(ctx.issues, 'duplicate-id');
  const timeline: TimelineChapter[] = [];
  const chapters: unknown[] = [];
  for (const item of chapterItems ?? []) {
    const read = await readChapter(ctx, item, chapterIds, checkSpeaker);
    if (read !== undefined) {
      chapters.push(read.chapter);
      timeline.push(read.timeline);
    }
  }
  const handout = await readWithAsync(course.optional('handout'), (field) => readHandout(ctx, field));
  course.finish();

  const fields = definedOnly({
    manifestVersion: MANIFEST_VERSION,
    id: id?.value,
    title: title?.value,
    language: language?.value,
    notice: notice?.value,
    people,
    background,
    subtitles,
    chapters,
    handout,
  });
  return { fields, film: film && filmReference && { ...film, reference: filmReference }, timeline };
}

/** Opens the film once (see openInside): it is probed and transcoded through this handle, never by its path. */
async function openFilm(ctx: LoadContext, reference: Located<string>): Promise<OpenedCourseFile | undefined> {
  const opened = await openInside(ctx.root, reference.value);
  if (!opened.ok) {
    reportFileProblem(ctx.issues, opened, reference.at, reference.value);
    return undefined;
  }
  return opened;
}

/** One entry of `people`. */
async function readPerson(ctx: LoadContext, item: FieldNode, ids: UniqueValues): Promise<unknown> {
  const person = FieldReader.open(ctx, item);
  if (person === undefined) {
    return undefined;
  }
  const id = readWith(person.required('id'), (field) => readId(ctx, field));
  if (id !== undefined) {
    ids.claim(id, item.path);
  }
  const name = readWith(person.required('name'), (field) => readText(ctx, field));
  const role = readWith(person.optional('role'), (field) => readText(ctx, field));
  const about = await readWithAsync(person.optional('about'), (field) => readMarkdown(ctx, field));
  person.finish();
  return definedOnly({ id: id?.value, name: name?.value, role: role?.value, about });
}

/** One entry of `subtitles`: its file must be WebVTT, and is packed under its entry name. */
async function readSubtitle(ctx: LoadContext, item: FieldNode, languages: UniqueValues): Promise<unknown> {
  const subtitle = FieldReader.open(ctx, item);
  if (subtitle === undefined) {
    return undefined;
  }
  const language = readWith(subtitle.required('language'), (field) => readLanguage(ctx, field));
  if (language !== undefined) {
    languages.claim(language, item.path);
  }
  const label = readWith(subtitle.required('label'), (field) => readText(ctx, field));
  const fileField = subtitle.required('file');
  const reference = readWith(fileField, (field) => readText(ctx, field));
  const file = reference && (await readReferencedFile(ctx, reference, 'subtitle'));
  subtitle.finish();
  if (file === undefined || reference === undefined || fileField === undefined) {
    return undefined;
  }
  const decoded = textOf(ctx, file);
  if (!decoded.ok) {
    ctx.issues.error(
      'not-utf8',
      { file: file.entry, ...decoded.at, path: fileField.path },
      { value: reference.value },
    );
    return undefined;
  }
  const check = checkWebVtt(decoded.text);
  if (check === 'too-deep') {
    ctx.issues.error(
      'webvtt-too-deep',
      { file: file.entry, path: fileField.path },
      { value: reference.value },
    );
    return undefined;
  }
  if (!check.signature) {
    ctx.issues.error(
      'not-webvtt',
      { file: file.entry, line: 1, col: 1, path: fileField.path },
      { value: reference.value },
    );
    return undefined;
  }
  const located = (problem: { line: number; col?: number }) => ({
    file: file.entry,
    line: problem.line,
    ...(problem.col === undefined ? {} : { col: problem.col }),
    path: fileField.path,
  });
  // A broken file can have a problem on every line: the first few say enough.
  for (const problem of check.errors.slice(0, MAX_WEBVTT_PROBLEMS)) {
    ctx.issues.error('webvtt-error', located(problem), { reason: problem.reason });
  }
  for (const problem of check.warnings.slice(0, MAX_WEBVTT_PROBLEMS)) {
    ctx.issues.warning('webvtt-warning', located(problem), { reason: problem.reason });
  }
  if (check.errors.length > 0) {
    return undefined;
  }
  ctx.assets.set(file.entry, file.data);
  return { language: language?.value, label: label?.value, entry: file.entry };
}

/** One entry of `chapters`, with what the timeline checks need. */
async function readChapter(
  ctx: LoadContext,
  item: FieldNode,
  ids: UniqueValues,
  checkSpeaker: SpeakerCheck,
): Promise<{ chapter: unknown; timeline: TimelineChapter } | undefined> {
  const chapter = FieldReader.open(ctx, item);
  if (chapter === undefined) {
    return undefined;
  }
  const id = readWith(chapter.required('id'), (field) => readId(ctx, field));
  if (id !== undefined) {
    ids.claim(id, item.path);
  }
  const title = readWith(chapter.required('title'), (field) => readText(ctx, field));
  const start = readWith(chapter.required('start'), (field) => readTime(ctx, field));
  const end = readWith(chapter.required('end'), (field) => readTime(ctx, field));
  // Stopping for discussion is what chapters are for, so it is the default.
  const pause = readWith(chapter.optional('pause'), (field) => readBoolean(ctx, field)) ?? true;
  const minutes = readWith(chapter.optional('minutes'), (field) => readMinutes(ctx, field));
  const summary = await readWithAsync(chapter.optional('summary'), (field) => readMarkdown(ctx, field));
  const timedStatements: TimelineStatement[] = [];
  const statements = await readEach(ctx, chapter.optional('statements'), (statementItem) => {
    const read = readStatement(ctx, statementItem, checkSpeaker);
    if (read !== undefined) {
      timedStatements.push(read.timeline);
    }
    return read?.statement;
  });
  const prompts = await readEach(ctx, chapter.optional('prompts'), (field) => readMarkdown(ctx, field));
  const tips = await readEach(ctx, chapter.optional('tips'), (field) => readTip(ctx, field));
  const solutions = await readEach(ctx, chapter.optional('solutions'), (field) => readMarkdown(ctx, field));
  const quote = readWith(chapter.optional('quote'), (field) => readQuote(ctx, field, checkSpeaker));
  const links = await readEach(ctx, chapter.optional('links'), (field) => readLink(ctx, field));
  chapter.finish();
  return {
    chapter: definedOnly({
      id: id?.value,
      title: title?.value,
      start: start?.value,
      end: end?.value,
      pause,
      minutes,
      summary,
      statements,
      prompts,
      tips,
      solutions,
      quote,
      links,
    }),
    timeline: { path: item.path, start, end, statements: timedStatements },
  };
}

/** One entry of a chapter's `statements`. */
function readStatement(
  ctx: LoadContext,
  item: FieldNode,
  checkSpeaker: SpeakerCheck,
): { statement: unknown; timeline: TimelineStatement } | undefined {
  const statement = FieldReader.open(ctx, item);
  if (statement === undefined) {
    return undefined;
  }
  const start = readWith(statement.required('start'), (field) => readTime(ctx, field));
  const end = readWith(statement.required('end'), (field) => readTime(ctx, field));
  const speaker = readWith(statement.optional('speaker'), (field) => readText(ctx, field));
  if (speaker !== undefined) {
    checkSpeaker(speaker);
  }
  const label = readWith(statement.required('label'), (field) => readText(ctx, field));
  statement.finish();
  return {
    statement: definedOnly({
      start: start?.value,
      end: end?.value,
      speaker: speaker?.value,
      label: label?.value,
    }),
    timeline: { path: item.path, start, end },
  };
}

/** One entry of a chapter's `tips`; the body is Markdown. */
async function readTip(ctx: LoadContext, item: FieldNode): Promise<unknown> {
  const tip = FieldReader.open(ctx, item);
  if (tip === undefined) {
    return undefined;
  }
  const title = readWith(tip.required('title'), (field) => readText(ctx, field));
  const body = await readWithAsync(tip.required('body'), (field) => readMarkdown(ctx, field));
  tip.finish();
  return { title: title?.value, body };
}

/** A chapter's `quote`. */
function readQuote(ctx: LoadContext, item: FieldNode, checkSpeaker: SpeakerCheck): unknown {
  const quote = FieldReader.open(ctx, item);
  if (quote === undefined) {
    return undefined;
  }
  const text = readWith(quote.required('text'), (field) =>
    readText(ctx, field, COURSE_LIMITS.textCharacters),
  );
  const speaker = readWith(quote.optional('speaker'), (field) => readText(ctx, field));
  if (speaker !== undefined) {
    checkSpeaker(speaker);
  }
  quote.finish();
  return definedOnly({ text: text?.value, speaker: speaker?.value });
}

/** One entry of a chapter's `links`: shown, never fetched, and only ever https. */
function readLink(ctx: LoadContext, item: FieldNode): unknown {
  const link = FieldReader.open(ctx, item);
  if (link === undefined) {
    return undefined;
  }
  const label = readWith(link.required('label'), (field) => readText(ctx, field));
  const url = readWith(link.required('url'), (field) => readText(ctx, field, COURSE_LIMITS.linkCharacters));
  link.finish();
  if (url !== undefined && !isHttpsLink(url.value)) {
    ctx.issues.error('link-not-https', url.at, { value: url.value });
    return undefined;
  }
  return { label: label?.value, url: url?.value };
}

/** Whether a link is a well-formed https:// URL with a host. */
function isHttpsLink(value: string): boolean {
  if (!value.startsWith('https://')) {
    return false;
  }
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}
