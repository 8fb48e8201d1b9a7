import { Button, Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { Messages } from "../messages";
import type { SheetSummary, SourceCandidate } from "../sources";

export interface SourcePickerProps {
  messages: Messages;
  candidates: SourceCandidate[];
  selected: string | null;
  disabled: boolean;
  /** The refresh button alone (default: as `disabled`): it stays usable while the workbook is read. */
  refreshDisabled?: boolean;
  onSelect: (sheet: string) => void;
  onRefresh: () => void;
}

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  select: { flexGrow: 1, minWidth: 0, maxWidth: "100%" },
  // Long sheet descriptions must not widen the pane (or push the refresh button out of it).
  control: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
  others: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground3,
  },
});

/**
 * The sheet holding the export table, with what the reader recognised on it. A native select (Fluent's
 * Select) rather than a Dropdown: the same look in a task pane, without the popup positioning code.
 */
export function SourcePicker(props: SourcePickerProps) {
  const { messages, candidates, selected } = props;
  const styles = useStyles();
  const current = candidates.find((candidate) => candidate.name === selected);
  const others = candidates.filter(
    (candidate) => candidate.name !== selected && candidate.recognition.kind === "keyed"
  );
  return (
    <>
      <Field
        label={messages.source}
        hint={current ? describe(current.recognition, messages) : messages.sourceHint}
        validationState={current?.recognition.kind === "export" ? "success" : "none"}
      >
        <div className={styles.row}>
          <Select
            className={styles.select}
            select={{ className: styles.control }}
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
                  : candidate.recognition.kind === "keyed"
                    ? `${candidate.name} — ${messages.sheetKind(candidate.recognition)}`
                    : candidate.name}
              </option>
            ))}
          </Select>
          <Button
            icon={<ArrowClockwiseRegular />}
            aria-label={messages.refresh}
            title={messages.refresh}
            disabled={props.refreshDisabled ?? props.disabled}
            onClick={props.onRefresh}
          />
        </div>
      </Field>
      {others.length > 0 && (
        <ul className={styles.others} aria-label={messages.alsoRecognised}>
          {others.map((candidate) => (
            <li key={candidate.name}>
              <Caption1>{`«${candidate.name}» — ${describe(candidate.recognition, messages)}`}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function describe(recognition: SheetSummary, messages: Messages): string {
  switch (recognition.kind) {
    case "export":
      return messages.recognised(
        recognition.schools,
        recognition.procedures,
        recognition.years,
        recognition.warnings
      );
    case "keyed":
      return messages.keyed(recognition);
    case "other":
      return messages.notRecognised(recognition.reason);
    case "empty":
      return messages.emptySheet;
  }
}
