/** "10:42" in the window's language, for main's clock (ms): when a session began. */
export function timeOfDay(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}
