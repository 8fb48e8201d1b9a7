/**
 * A problem with what the user gave the command line (arguments, options, the workbook's content):
 * exit status 2 and the Russian message on stderr. Anything else that goes wrong is a bug: status 1.
 */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliInputError";
  }
}
