import { promises as fs, type Stats } from "fs";
import path from "path";
import { isSameFile, sameAsInputError } from "../xlsx";
import { CliInputError } from "./cliInputError";

export interface OutputTarget {
  /** `--out` as typed: the messages show it as the user wrote it. */
  out: string;
  /** «файл результата», «файл шаблона»: how the messages name it. */
  what: string;
  /** `--force`: the user asked to replace an existing file. */
  force: boolean;
  /** The workbook the result is a copy of: the writer's own refusal, said before it is read. */
  input: string | null;
  /** Other files the run reads, by their option (`--social`, `--from`): not to be replaced either. */
  sources: { file: string; option: string }[];
  /** The option that names the file, as the messages say it (`--out` unless given: `--report`). */
  option?: string;
  /** What the file is, for «укажите имя файла …» (`.xlsx` unless given). */
  extension?: string;
}

/**
 * Refuses an `--out` that would replace a file without `--force`, replace a file the run reads, or
 * go to a folder that does not exist. Checked before anything is read, so a long run does not end
 * in a refusal; nothing is created here (a mistyped folder must not swallow the result).
 */
export async function refuseUnsafeOutput(target: OutputTarget): Promise<void> {
  if (target.input !== null && (await isSameFile(target.input, target.out)))
    throw sameAsInputError(target.out);
  for (const source of target.sources) {
    if (await isSameFile(source.file, target.out)) {
      throw new CliInputError(
        `${capitalised(target.what)} «${target.out}» совпадает с книгой из ${source.option}; она только читается — укажите другой файл в ${target.option ?? "--out"}.`
      );
    }
  }
  await requireFolder(target);
  await refuseExisting(target);
}

async function requireFolder({ out, what, option = "--out" }: OutputTarget): Promise<void> {
  const folder = path.dirname(out);
  const found = await statOf(folder, fs.stat);
  if (found === "missing") {
    throw new CliInputError(
      `Папка «${folder}» не найдена: ${what} записывается только в существующую папку. Создайте её или укажите в ${option} другой путь.`
    );
  }
  if (found !== "unknown" && !found.isDirectory()) {
    throw new CliInputError(
      `«${folder}» — файл, а не папка, и ${what} «${out}» в нём не записать. Укажите в ${option} путь в существующей папке.`
    );
  }
}

async function refuseExisting({
  out,
  what,
  force,
  option = "--out",
  extension = ".xlsx",
}: OutputTarget): Promise<void> {
  // lstat: a link at that name is a file there too, even one pointing nowhere.
  const found = await statOf(out, fs.lstat);
  if (found === "missing" || found === "unknown") return;
  if (found.isDirectory()) {
    throw new CliInputError(
      `«${out}» — папка, а не файл. Укажите в ${option} имя файла ${extension}.`
    );
  }
  if (!force) {
    throw new CliInputError(
      `${capitalised(what)} «${out}» уже существует и без --force не перезаписывается. Укажите в ${option} другой файл или добавьте --force, чтобы заменить этот.`
    );
  }
}

/** `unknown`: not reachable for another reason (rights); the write itself will say what is wrong. */
async function statOf(
  file: string,
  stat: (file: string) => Promise<Stats>
): Promise<Stats | "missing" | "unknown"> {
  try {
    return await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? "missing" : "unknown";
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase("ru") + text.slice(1);
}
