import { Field, Select } from "@fluentui/react-components";
import type { Messages } from "../messages";
import type { SourceCandidate } from "../sources";

export interface OfficialListPickerProps {
  messages: Messages;
  candidates: SourceCandidate[];
  /** The sheet the user chose; null: a sheet recognised by its header, if any. */
  selected: string | null;
  disabled: boolean;
  onSelect: (sheet: string | null) => void;
}

/** The picker's own words: kept beside it, since no other part of the pane says them. */
const WORDS = {
  ru: {
    label: "Официальный список ШНОР",
    auto: "найти по заголовку",
    hint: (found: string | null) =>
      found === null
        ? "Лист, где есть только логин и/или наименование ОО (и №, территория, примечание), — или выберите лист сами."
        : `Найден лист «${found}»; можно выбрать другой.`,
    chosen: "Лист читается как список школ: логин и/или наименование ОО в строке заголовков.",
  },
  en: {
    label: "Official ШНОР list",
    auto: "find by its header",
    hint: (found: string | null) =>
      found === null
        ? "A sheet holding only a login and/or a school name column (and numbering, territory, notes) — or choose one."
        : `Found sheet «${found}»; another can be chosen.`,
    chosen:
      "The sheet is read as a list of schools: a login and/or a name column in its header row.",
  },
};

/**
 * The sheet with the official list to reconcile our ШНОР with (docs/method.md §9): by default the one
 * the engine recognises by its header; the user may name any other sheet.
 */
export function OfficialListPicker(props: OfficialListPickerProps) {
  const { messages, candidates, selected } = props;
  const words = WORDS[messages.language];
  const found = candidates.find(
    (candidate) =>
      candidate.recognition.kind === "keyed" && candidate.recognition.sheetKind === "official-list"
  );
  return (
    <Field
      label={words.label}
      hint={selected === null ? words.hint(found?.name ?? null) : words.chosen}
    >
      <Select
        aria-label={words.label}
        value={selected ?? ""}
        disabled={props.disabled || candidates.length === 0}
        onChange={(_, data) => props.onSelect(data.value === "" ? null : data.value)}
      >
        <option value="">{words.auto}</option>
        {candidates.map((candidate) => (
          <option key={candidate.name} value={candidate.name}>
            {candidate.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
