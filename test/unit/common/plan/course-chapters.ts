import type { PlanChapter } from '../../../../src/common/plan/plan-chapter';

/** The first course's chapters (times in seconds, suggested minutes), as the plan logic sees them. */
export const FILM_CHAPTERS: readonly PlanChapter[] = [
  { id: 'apning', start: 0, end: 120, pause: true, minutes: 5 },
  { id: 'sovn', start: 120, end: 443, pause: true, minutes: 20 },
  { id: 'bolig', start: 443, end: 685, pause: true, minutes: 15 },
  { id: 'taushetsplikt', start: 685, end: 774, pause: true, minutes: 15 },
  { id: 'okonomi', start: 774, end: 912, pause: true, minutes: 15 },
  { id: 'tannhelse', start: 912, end: 1325, pause: true, minutes: 20 },
  { id: 'drommer', start: 1325, end: 1597, pause: true, minutes: 15 },
  { id: 'oppsummering', start: 1598, end: 1912, pause: true, minutes: 20 },
];
