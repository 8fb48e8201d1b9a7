/** Where the command line writes; `main` gets it as a parameter so tests capture both streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
