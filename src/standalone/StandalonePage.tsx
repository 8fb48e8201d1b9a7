import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useRef, useState, type ChangeEvent } from "react";
import { App } from "../taskpane/App";
import type { PaneAction } from "../taskpane/actionList";
import { isHostError } from "../taskpane/host";
import type { Messages } from "../taskpane/messages";
import { loadXlsxModule, openFileHost, type FileHost } from "./fileHost";

export interface StandalonePageProps {
  messages: Messages;
  actions?: PaneAction[];
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  file: { color: tokens.colorNeutralForeground3 },
  input: { display: "none" },
});

/**
 * The task pane outside Office: the user opens an .xlsx, the same App runs on it through the file
 * host, and the workbook with the add-in's sheets is downloaded. ExcelJS arrives with the first file.
 */
export function StandalonePage({ messages, actions }: StandalonePageProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [host, setHost] = useState<FileHost | null>(null);
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [written, setWritten] = useState(false);

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again still opens it
    if (file === undefined) return;
    setOpening(true);
    setProblem(null);
    try {
      const [xlsx, bytes] = await Promise.all([loadXlsxModule(), file.arrayBuffer()]);
      setHost(await openFileHost(xlsx, bytes, file.name));
      setWritten(false);
    } catch (error) {
      setProblem(
        isHostError(error) ? error.detail : error instanceof Error ? error.message : String(error)
      );
    } finally {
      setOpening(false);
    }
  };

  const download = async () => {
    if (host === null) return;
    const bytes = await host.resultBytes();
    const url = URL.createObjectURL(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE })
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = resultFileName(host.fileName);
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The download has its own copy of the bytes once started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const toolbar = (
    <div className={styles.toolbar}>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={messages.standalone.open}
        onChange={(event) => void open(event)}
      />
      <Button
        appearance={host === null ? "primary" : "secondary"}
        icon={<FolderOpenRegular />}
        disabled={opening}
        onClick={() => input.current?.click()}
      >
        {opening ? messages.standalone.opening : messages.standalone.open}
      </Button>
      <Button
        appearance={written ? "primary" : "secondary"}
        icon={<ArrowDownloadRegular />}
        disabled={host === null || !written}
        onClick={() => void download()}
      >
        {messages.standalone.download}
      </Button>
      {host !== null && (
        <Caption1 className={styles.file}>{messages.standalone.opened(host.fileName)}</Caption1>
      )}
      {problem !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{messages.hostErrors.not_xlsx}</MessageBarTitle>
            {problem}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  return (
    <App
      host={host}
      messages={messages}
      actions={actions}
      toolbar={toolbar}
      onWritten={() => setWritten(true)}
      placeholder={
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{messages.standalone.noFileTitle}</MessageBarTitle>
            {messages.standalone.noFile}
          </MessageBarBody>
        </MessageBar>
      }
    />
  );
}

/** `выгрузка.xlsx` → `выгрузка — Школьный радар.xlsx`. */
export function resultFileName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return `${base} — Школьный радар.xlsx`;
}
