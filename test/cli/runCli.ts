import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process and captures both streams. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  // No locale: the help is the Russian one whatever the machine's LANG.
  return runCliWithEnv({}, ...argv);
}

/** As runCli, with these environment variables (LANG, LC_ALL) as the only ones the command sees. */
export async function runCliWithEnv(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    argv,
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
    env
  );
  return { code, stdout, stderr };
}
