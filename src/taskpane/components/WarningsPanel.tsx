import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LocationRegular } from "@fluentui/react-icons";
import type { Warning } from "../../engine";
import type { Messages } from "../messages";

export interface WarningsPanelProps {
  messages: Messages;
  warnings: Warning[];
  /** Selects the cell in the workbook; absent outside Excel (the standalone page). */
  onShowCell?: (address: string) => void;
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
});

/** Values the reader could not use, each with its cell and a button that shows it in Excel. */
export function WarningsPanel({ messages, warnings, onShowCell }: WarningsPanelProps) {
  const styles = useStyles();
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
            </div>
            {onShowCell && (
              <Button
                size="small"
                appearance="subtle"
                icon={<LocationRegular />}
                aria-label={`${messages.showCell} ${warning.cell}`}
                onClick={() => onShowCell(warning.cell)}
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
