import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  DocumentTableRegular,
  FolderOpenRegular,
} from "@fluentui/react-icons";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { App } from "../taskpane/App";
import type { PaneAction } from "../taskpane/actionList";
import { isHostError } from "../host/workbookHost";
import type { Language } from "../taskpane/language";
import type { Messages } from "../taskpane/messages";
import { DropOverlay } from "./DropOverlay";
import { loadXlsxModule, openBlankHost, openFileHost, type FileHost } from "./fileHost";
import { loadSampleWorkbook } from "./sampleWorkbook";
import { useFileDrop } from "./useFileDrop";

export interface StandalonePageProps {
  messages: Messages;
  actions?: PaneAction[];
  /** The header's language switch (the pane's own). */
  onLanguage?: (language: Language) => void;
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
  invitation: { flexBasis: "100%" },
});

/**
 * The task pane outside Office: the user opens an .xlsx, the same App runs on it through the file
 * host, and the workbook with the add-in's sheets is downloaded. Before a file, the page is on a new
 * empty workbook (the templates need none). The workbook code arrives with it, after the first render.
 */
export function StandalonePage({ messages, actions, onLanguage }: StandalonePageProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [host, setHost] = useState<FileHost | null>(null);
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [written, setWritten] = useState(false);
  /** The page is on its new empty workbook: no file of the user's yet. */
  const [blank, setBlank] = useState(false);

  // Until a file is opened the page runs on a new empty workbook, so «Создать шаблон…» works from
  // the start. The workbook code (the xlsx chunk) comes with it, after the first render. Named
  // once, in the page's first language: switching languages does not replace the workbook (and a
  // template written into it).
  const [blankNames] = useState(() => ({
    file: messages.standalone.blankFileName,
    sheet: messages.standalone.blankSheet,
  }));
  const userOpened = useRef(false);
  useEffect(() => {
    let cancelled = false;
    void loadXlsxModule()
      .then((xlsx) => openBlankHost(xlsx, blankNames.file, blankNames.sheet))
      .then((blankHost) => {
        if (cancelled || userOpened.current) return; // a file was opened meanwhile
        setHost(blankHost);
        setBlank(true);
      });
    return () => {
      cancelled = true;
    };
  }, [blankNames]);

  /** Opens a workbook the same way whether chosen, dropped or the bundled sample. */
  const openWorkbook = async (name: string, read: () => Promise<ArrayBuffer>) => {
    if (opening) return;
    setOpening(true);
    setProblem(null);
    try {
      const [xlsx, bytes] = await Promise.all([loadXlsxModule(), read()]);
      setHost(await openFileHost(xlsx, bytes, name));
      userOpened.current = true;
      setBlank(false);
      setWritten(false);
    } catch (error) {
      setProblem(
        isHostError(error) ? error.detail : error instanceof Error ? error.message : String(error)
      );
    } finally {
      setOpening(false);
    }
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again still opens it
    if (file !== undefined) void openWorkbook(file.name, () => file.arrayBuffer());
  };
  const dragging = useFileDrop((file) => void openWorkbook(file.name, () => file.arrayBuffer()));

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
        onChange={choose}
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
        appearance="secondary"
        icon={<DocumentTableRegular />}
        disabled={opening}
        onClick={() => void openWorkbook(messages.standalone.sampleFileName, loadSampleWorkbook)}
      >
        {messages.standalone.sample}
      </Button>
      <Button
        appearance={written ? "primary" : "secondary"}
        icon={<ArrowDownloadRegular />}
        disabled={host === null || !written}
        onClick={() => void download()}
      >
        {messages.standalone.download}
      </Button>
      {host !== null && !blank && (
        <Caption1 className={styles.file}>{messages.standalone.opened(host.fileName)}</Caption1>
      )}
      {blank && <Invitation messages={messages} />}
      {problem !== null && (
        // Multiline and the toolbar's whole width: the adapter's message is two sentences and must wrap
        // in a 320 px pane, never widen it.
        <MessageBar intent="error" role="alert" layout="multiline" style={{ flexBasis: "100%" }}>
          <MessageBarBody style={{ overflowWrap: "anywhere" }}>
            {/* Not «not an .xlsx or damaged»: an empty workbook or a .csv is neither. */}
            <MessageBarTitle>{messages.standalone.problemTitle}</MessageBarTitle>
            <div>{problem}</div>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  return (
    <>
      <App
        host={host}
        messages={messages}
        actions={actions}
        onLanguage={onLanguage}
        toolbar={toolbar}
        onWritten={() => setWritten(true)}
        placeholder={<Invitation messages={messages} />}
      />
      {dragging && <DropOverlay text={messages.standalone.drop} />}
    </>
  );
}

/** Before the user's file: what the page is for, and what it can do without one (the templates). */
function Invitation({ messages }: { messages: Messages }) {
  const styles = useStyles();
  return (
    <MessageBar intent="info" className={styles.invitation}>
      <MessageBarBody>
        <MessageBarTitle>{messages.standalone.noFileTitle}</MessageBarTitle>
        {messages.standalone.noFile}
        <div>{messages.standalone.blank}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** `выгрузка.xlsx` → `выгрузка — Школьный радар.xlsx`. */
export function resultFileName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return `${base} — Школьный радар.xlsx`;
}
