/** Where the command line writes; `main` gets it as a parameter so tests capture both streams. */
export interface CliIo {
  /** May return a promise that settles when the text has drained (a pipe that is full). */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
}
