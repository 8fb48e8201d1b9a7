import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { Messages } from "../messages";
import type { SheetRecognition, SourceCandidate } from "../recognition";

export interface SourcePickerProps {
  messages: Messages;
  candidates: SourceCandidate[];
  selected: string | null;
  disabled: boolean;
  onSelect: (sheet: string) => void;
  onRefresh: () => void;
}

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  select: { flexGrow: 1, minWidth: 0 },
});

/**
 * The sheet holding the export table, with what the reader recognised on it. A native select (Fluent's
 * Select) rather than a Dropdown: the same look in a task pane, without the popup positioning code.
 */
export function SourcePicker(props: SourcePickerProps) {
  const { messages, candidates, selected } = props;
  const styles = useStyles();
  const current = candidates.find((candidate) => candidate.name === selected);
  return (
    <Field
      label={messages.source}
      hint={current ? describe(current.recognition, messages) : messages.sourceHint}
      validationState={current?.recognition.kind === "export" ? "success" : "none"}
    >
      <div className={styles.row}>
        <Select
          className={styles.select}
          aria-label={messages.source}
          value={selected ?? ""}
          disabled={props.disabled || candidates.length === 0}
          onChange={(_, data) => props.onSelect(data.value)}
        >
          {candidates.length === 0 && <option value="">{messages.noSheets}</option>}
          {candidates.map((candidate) => (
            <option
              key={candidate.name}
              value={candidate.name}
              title={describe(candidate.recognition, messages)}
            >
              {candidate.recognition.kind === "export"
                ? `${candidate.name} — ${messages.schools(candidate.recognition.schools)}`
                : candidate.name}
            </option>
          ))}
        </Select>
        <Button
          icon={<ArrowClockwiseRegular />}
          aria-label={messages.refresh}
          title={messages.refresh}
          disabled={props.disabled}
          onClick={props.onRefresh}
        />
      </div>
    </Field>
  );
}

export function describe(recognition: SheetRecognition, messages: Messages): string {
  switch (recognition.kind) {
    case "export":
      return messages.recognised(
        recognition.schools,
        recognition.procedures,
        recognition.years,
        recognition.warnings
      );
    case "other":
      return messages.notRecognised(recognition.reason);
    case "empty":
      return messages.emptySheet;
  }
}
