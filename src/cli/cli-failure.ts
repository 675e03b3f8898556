/** A failure already put into words for the person at the terminal; `runCli` prints it and exits. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}
