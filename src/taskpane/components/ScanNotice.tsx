import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { Messages } from "../messages";

/** Why the workbook's read is not done yet (patientScan.ts): Excel is slow, or never answered. */
export type ScanTrouble =
  { kind: "retrying"; attempt: number; attempts: number } | { kind: "not-answered" };

export interface ScanNoticeProps {
  messages: Messages;
  trouble: ScanTrouble;
  /** «Обновить»: starts the read anew, whatever the attempt waiting now. */
  onRefresh: () => void;
}

/**
 * Said while Excel keeps the read waiting, with «Обновить» at hand: before the first read is done the
 * source picker (and its own refresh button) is not there yet.
 */
export function ScanNotice({ messages, trouble, onRefresh }: ScanNoticeProps) {
  const refresh = (
    <MessageBarActions>
      <Button onClick={onRefresh}>{messages.refresh}</Button>
    </MessageBarActions>
  );
  if (trouble.kind === "retrying") {
    return (
      <MessageBar intent="warning" role="status">
        <MessageBarBody>{messages.scanRetrying(trouble.attempt, trouble.attempts)}</MessageBarBody>
        {refresh}
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{messages.scanNotAnsweredTitle}</MessageBarTitle>
        {messages.scanNotAnswered}
      </MessageBarBody>
      {refresh}
    </MessageBar>
  );
}
