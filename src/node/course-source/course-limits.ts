/**
 * The largest course the loader accepts. Each limit is far above what a real course needs (docs/limits.md has
 * the figures) and exists so that a hostile or broken folder is refused in well under a second, before any
 * transcoding, instead of exhausting memory: YAML aliases and a Markdown file named many times can otherwise
 * expand a small folder into gigabytes of text.
 */
export const COURSE_LIMITS = {
  /**
   * course.yaml itself; a long real one is about 30 KB (the demo course's is 26 KB). The yaml package parses
   * the worst kinds of text (170,000 empty list items, 100,000 nested brackets) at 3-10 s per MB here, so
   * this also bounds the parse to a second or two.
   */
  courseYamlBytes: 256 * 1024,
  /**
   * YAML aliases (`*name`), counted as the yaml package counts them when expanding (each alias weighted by
   * the aliases inside what it stands for), so nested aliases cannot multiply unseen.
   */
  aliases: 100,
  /** A one-line field: a title, a name, a label, a path. */
  lineCharacters: 500,
  /** A link's URL (a real one with a long query string stays far below). */
  linkCharacters: 2000,
  /** A long text: `notice`, a quote, and every Markdown field (written inline or read from a .md file). */
  textCharacters: 200_000,
  /** All text of the course together, every Markdown file counted each time it is named. */
  totalCharacters: 2_000_000,
  /** The fields written in clear into the course file's 16 KiB header (with up to 32 key slots). */
  idCharacters: 100,
  languageCharacters: 35,
  /** One .md file. */
  markdownBytes: 1024 * 1024,
  /** One WebVTT file; a two-hour film's subtitles are about 150 KB, and the parser takes about 0.6 s a MB. */
  subtitleBytes: 1024 * 1024,
  /** One picture file. */
  imageBytes: 20 * 1024 * 1024,
  /** One picture's pixels (width × height): 64 megapixels, above any phone camera's photo. */
  imagePixels: 64 * 1024 * 1024,
  /** Every file read besides course.yaml and the film (Markdown, subtitles, pictures), each counted once. */
  totalFileBytes: 256 * 1024 * 1024,
  /** The latest time a chapter or statement may name: 24 hours, far past any teaching film. */
  timeSeconds: 24 * 60 * 60,
} as const;
