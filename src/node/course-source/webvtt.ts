import { WebVTTParser } from 'webvtt-parser';

/** One problem the WebVTT parser found, at a 1-based line and column of the file. */
export interface WebVttProblem {
  line: number;
  col?: number;
  /** The parser's own words (English). */
  reason: string;
}

/** What checking a subtitle file found: whether it is WebVTT at all, and its problems by weight. */
export interface WebVttCheck {
  signature: boolean;
  /** Problems that lose or misplace a cue (any problem on a timing line): packing stops. */
  errors: WebVttProblem[];
  /** Problems a browser shows through (a missing end tag, a bad escape): reported only. */
  warnings: WebVttProblem[];
}

// The parser flags header lines after "WEBVTT" ("Kind: subtitles", "Language: nb"), which older files carry
// and browsers skip; refusing them would refuse good files.
const HEADER_LINE_COMPLAINT = 'No blank line after the signature.';

/**
 * Checks a subtitle file's text with the W3C's WebVTT parser and validator (webvtt-parser): every problem
 * comes with its line, so the author is told where. The parser is linear in the file's size (about 0.6 s a
 * MB here); 'too-deep' when cue text nests tags deeper than it can follow.
 */
export function checkWebVtt(text: string): WebVttCheck | 'too-deep' {
  let parsed: ReturnType<WebVTTParser['parse']>;
  try {
    parsed = new WebVTTParser().parse(text, 'subtitles');
  } catch (error) {
    // The parser recurses once per nested tag (`<b><b><b>…`) and runs out of stack past some thousands.
    if (error instanceof RangeError) {
      return 'too-deep';
    }
    throw error;
  }
  const lines = text.split(/\r\n|\r|\n/);
  const check: WebVttCheck = { signature: true, errors: [], warnings: [] };
  for (const error of parsed.errors) {
    if (error.message.startsWith('No valid signature')) {
      return { signature: false, errors: [], warnings: [] };
    }
    if (error.message === HEADER_LINE_COMPLAINT) {
      continue;
    }
    const problem: WebVttProblem = {
      line: error.line,
      ...(typeof error.col === 'number' ? { col: error.col } : {}),
      reason: error.message,
    };
    const onTimingLine = lines[error.line - 1]?.includes('-->') === true;
    (onTimingLine ? check.errors : check.warnings).push(problem);
  }
  return check;
}
