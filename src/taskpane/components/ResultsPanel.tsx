import {
  Body1Strong,
  Caption1Strong,
  Caption1,
  Text,
  Button,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ResultRow, ResultView } from "../actions";
import type { Messages } from "../messages";

export interface ResultsPanelProps {
  messages: Messages;
  view: ResultView;
}

/** Rows shown in the pane; the sheet has them all (a national table has tens of thousands). */
export const SHOWN_ROWS = 200;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  alert: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  ok: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteGreenBorder2}` },
  unknown: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}` },
  heading: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  detail: { color: tokens.colorNeutralForeground3 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  alertText: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  okText: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  unknownText: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

/** Counts by status (they filter the list), then each school with its status and reason. */
export function ResultsPanel({ messages, view }: ResultsPanelProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<string>("all");
  const rows = useMemo(
    () => (filter === "all" ? view.rows : view.rows.filter((row) => row.status === filter)),
    [filter, view.rows]
  );
  const shown = rows.slice(0, SHOWN_ROWS);
  return (
    <div className={styles.panel}>
      <div className={styles.filters} role="group" aria-label={messages.filter}>
        {[
          { status: "all", label: messages.filterAll, count: view.rows.length },
          ...view.statuses,
        ].map((option) => (
          <Button
            key={option.status}
            size="small"
            shape="circular"
            aria-pressed={filter === option.status}
            appearance={filter === option.status ? "primary" : "secondary"}
            onClick={() => setFilter(option.status)}
          >
            {`${option.label} (${option.count})`}
          </Button>
        ))}
      </div>
      {shown.length === 0 ? (
        <Text>{messages.noRows}</Text>
      ) : (
        <ul className={styles.list}>
          {shown.map((row: ResultRow) => (
            <li key={row.key} className={`${styles.row} ${styles[row.tone]}`}>
              <div className={styles.heading}>
                <Body1Strong>{row.title}</Body1Strong>
                <Caption1Strong className={styles[`${row.tone}Text`]}>
                  {view.statuses.find((status) => status.status === row.status)?.label}
                </Caption1Strong>
              </div>
              <Caption1 className={styles.detail}>{row.detail}</Caption1>
              {row.reason !== "" && <Text size={200}>{row.reason}</Text>}
            </li>
          ))}
        </ul>
      )}
      {rows.length > shown.length && (
        <Caption1>{messages.shown(shown.length, rows.length)}</Caption1>
      )}
    </div>
  );
}
