import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LocationRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import type { Warning } from "../../engine";
import type { CellView } from "../cellView";
import type { Messages } from "../messages";

export interface WarningsPanelProps {
  messages: Messages;
  warnings: Warning[];
  /** Selects the cell in the workbook; absent outside Excel (the standalone page). */
  onShowCell?: (address: string) => void;
  /**
   * Where there is no grid to select the cell in (the standalone page): what «Показать» shows under
   * the warning instead — the cell's place, its value as read, the school of its row.
   */
  describeCell?: (address: string) => Promise<CellView | null>;
}

export const SHOWN_WARNINGS = 50;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  // Never narrower than its label: beside a long warning in a 440 px pane it was squeezed to «Показат».
  showButton: { flexShrink: 0 },
  shown: {
    display: "flex",
    flexDirection: "column",
    marginTop: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
});

/** The warning whose cell is shown, and what was found there (null: the sheet was not read). */
interface OpenedCell {
  index: number;
  view: CellView | null;
}

/**
 * Values the reader could not use, each with its cell and a button that shows it: selected in Excel,
 * or described under the warning on the standalone page.
 */
export function WarningsPanel({
  messages,
  warnings,
  onShowCell,
  describeCell,
}: WarningsPanelProps) {
  const styles = useStyles();
  const [opened, setOpened] = useState<OpenedCell | null>(null);
  useEffect(() => setOpened(null), [warnings]); // a new run's warnings: nothing shown yet
  const show = onShowCell
    ? (_index: number, address: string) => onShowCell(address)
    : describeCell
      ? (index: number, address: string) => {
          // Pressed again: hidden again.
          if (opened?.index === index) return setOpened(null);
          void describeCell(address).then((view) => setOpened({ index, view }));
        }
      : undefined;
  if (warnings.length === 0) return <Text>{messages.noWarnings}</Text>;
  const shown = warnings.slice(0, SHOWN_WARNINGS);
  return (
    <>
      <ul className={styles.list} aria-label={messages.warnings(warnings.length)}>
        {shown.map((warning, index) => (
          <li key={`${warning.cell}:${index}`} className={styles.item}>
            <div className={styles.text}>
              <Caption1 className={styles.cell}>{warning.cell}</Caption1>
              <Text size={200}>{warning.message}</Text>
              {opened?.index === index && (
                <ShownCell messages={messages} view={opened.view} className={styles.shown} />
              )}
            </div>
            {show && (
              <Button
                size="small"
                appearance="subtle"
                className={styles.showButton}
                icon={<LocationRegular />}
                aria-label={`${messages.showCell} ${warning.cell}`}
                aria-expanded={onShowCell ? undefined : opened?.index === index}
                onClick={() => show(index, warning.cell)}
              >
                {messages.showCell}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {warnings.length > shown.length && (
        <Caption1>{messages.moreWarnings(warnings.length - shown.length)}</Caption1>
      )}
    </>
  );
}

/** The cell of a warning as the page read it, under the warning. */
function ShownCell(props: { messages: Messages; view: CellView | null; className: string }) {
  const words = props.messages.standalone.shownCell;
  const { view } = props;
  return (
    <div className={props.className} role="status">
      {view === null ? (
        <Text size={200}>{words.notFound}</Text>
      ) : (
        <>
          <Text size={200} weight="semibold">
            {words.place(view.sheet, view.cell, view.row)}
          </Text>
          {view.value !== undefined && <Text size={200}>{words.value(view.value)}</Text>}
          {view.row !== null && <Text size={200}>{words.school(view.school)}</Text>}
        </>
      )}
    </div>
  );
}
