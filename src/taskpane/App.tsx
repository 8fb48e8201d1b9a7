import {
  Body1,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { isEngineError } from "../engine";
import { loadPaneEngine, PANE_ACTIONS, type PaneAction } from "./actionList";
import type { ResultView } from "./actions";
import type { CellView } from "./cellView";
import { ActionButtons } from "./components/ActionButtons";
import { LanguageSwitch } from "./components/LanguageSwitch";
import type { Language } from "./language";
import { MethodSettings } from "./components/MethodSettings";
import { ResultsPanel } from "./components/ResultsPanel";
import { ScanNotice, type ScanTrouble } from "./components/ScanNotice";
import { RunProgress } from "./components/RunProgress";
import { SourcePicker } from "./components/SourcePicker";
import { OfficialListPicker } from "./components/OfficialListPicker";
import { WarningsPanel } from "./components/WarningsPanel";
import {
  isHostError,
  type Progress,
  type WorkbookData,
  type WorkbookHost,
  type WriteReport,
} from "../host/workbookHost";
import { hostErrorDetail, type Messages } from "./messages";
import type { PaneShownWatcher } from "./paneShown";
import { isScanNotAnswered, patientScan, SCAN_PATIENCE, type ScanPatience } from "./patientScan";
import { defaultSource, sheetKinds, type SourceCandidate } from "./sources";
import { hasSettingsProblem, settingsProblems } from "./settingsProblems";
import { settingsChanged } from "./outOfDate";
import { useRevealOnChange } from "./reveal";
import {
  DEFAULT_SETTINGS,
  SETTINGS_MARK,
  settingsFromGrid,
  settingsLayout,
  tableYearsOf,
  type PaneSettings,
  userYearLabels,
} from "./settings";

export interface AppProps {
  /** Where the workbook lives; null outside Excel, or before the standalone page has a file. */
  host: WorkbookHost | null;
  messages: Messages;
  actions?: PaneAction[];
  /** Shown instead of the pane while there is no host (default: "open the add-in in Excel"). */
  placeholder?: ReactNode;
  /** Shown under the title (the standalone page's file controls). */
  toolbar?: ReactNode;
  /** After every successful write (the standalone page then offers the result for download). */
  onWritten?: (report: WriteReport) => void;
  /** Switches the pane to the other language; without it the header shows no switch. */
  onLanguage?: (language: Language) => void;
  /** Calls back when the pane is shown again (paneShown.ts): the workbook is read anew then. */
  watchShown?: PaneShownWatcher;
  /** How long Excel may keep a read waiting, and how often it is tried (default: SCAN_PATIENCE). */
  scanPatience?: ScanPatience;
}

type Status =
  | { kind: "idle" }
  | { kind: "scanning" }
  | { kind: "running"; action: string; progress: Progress | null };

interface Outcome {
  action: string;
  view: ResultView;
  report: WriteReport;
  /** The sheets as the action read them: where «Показать» looks a warning's cell up without Excel. */
  basis: WorkbookData;
  /** The settings the result was computed with: it is marked out of date when they change. */
  settings: PaneSettings;
}

interface Failure {
  title: string;
  detail: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "720px",
    // Every message bar in the pane (the page's toolbar too) no wider than the pane, its text wrapped
    // from the first frame: Fluent's bar keeps the text on one line (white-space: nowrap) until its
    // ResizeObserver sees it overflow, and in a wrapping toolbar row it grows to the whole line — the
    // page then scrolls sideways at 320 px, for good or for a frame.
    "& .fui-MessageBar": { maxWidth: "100%", minWidth: 0, whiteSpace: "normal" },
    // A file name has no spaces to wrap at: it breaks anywhere rather than widen the bar.
    "& .fui-MessageBarBody": { overflowWrap: "anywhere", minWidth: 0 },
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  titleRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { color: tokens.colorBrandForeground1 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  method: { color: tokens.colorNeutralForeground3 },
});

/**
 * The task pane: source sheet, method, actions, results and warnings. Everything that touches the
 * workbook goes through `host`, so the same component runs in Excel and on the standalone page.
 */
export function App(props: AppProps) {
  const { host, messages } = props;
  const actions = props.actions ?? PANE_ACTIONS;
  const styles = useStyles();
  const [data, setData] = useState<WorkbookData | null>(null);
  const [candidates, setCandidates] = useState<SourceCandidate[]>([]);
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [scanTrouble, setScanTrouble] = useState<ScanTrouble | null>(null);
  /** The read now under way: a newer one («Обновить», the pane shown again) abandons it. */
  const scanning = useRef<AbortController | null>(null);
  const patience = props.scanPatience ?? SCAN_PATIENCE;

  // Through a ref: the read below depends on this function, and switching the language must not
  // read the workbook again (nor drop the result and the settings typed).
  const messagesNow = useRef(messages);
  messagesNow.current = messages;
  const describeFailure = useCallback((error: unknown): Failure => {
    const messages = messagesNow.current;
    return isHostError(error)
      ? { title: messages.hostErrors[error.code], detail: hostErrorDetail(messages, error) }
      : { title: messages.error, detail: error instanceof Error ? error.message : String(error) };
  }, []);

  const scan = useCallback(
    async (initial: boolean) => {
      if (host === null) return;
      scanning.current?.abort();
      const controller = new AbortController();
      scanning.current = controller;
      const current = () => scanning.current === controller;
      setStatus({ kind: "scanning" });
      setFailure(null);
      setScanTrouble(null);
      try {
        // Only Excel can leave a read unanswered (patientScan.ts); a file in memory is just read.
        const read =
          host.kind === "excel"
            ? patientScan((onProgress) => host.scan(onProgress), {
                patience,
                signal: controller.signal,
                onRetry: (attempt) =>
                  setScanTrouble({ kind: "retrying", attempt, attempts: patience.attempts }),
              })
            : host.scan();
        const [scanned, engine] = await Promise.all([read, loadPaneEngine()]);
        if (!current()) return;
        setScanTrouble(null);
        const found = engine.recogniseSheets(scanned);
        const settingsSheet = scanned.sheets.find(
          (sheet) => sheet.outputMark?.toLowerCase() === SETTINGS_MARK.toLowerCase()
        );
        const stored = initial ? settingsFromGrid(settingsSheet?.grid ?? null) : {};
        setData(scanned);
        setCandidates(found);
        setSettings((current) => {
          const merged = { ...current, ...stored };
          const source = defaultSource(found, merged.sourceSheet, scanned.activeSheet);
          return { ...merged, sourceSheet: source };
        });
      } catch (error) {
        if (!current()) return;
        if (isScanNotAnswered(error)) setScanTrouble({ kind: "not-answered" });
        else {
          setScanTrouble(null);
          setFailure(describeFailure(error));
        }
      } finally {
        if (current()) {
          scanning.current = null;
          setStatus({ kind: "idle" });
        }
      }
    },
    [host, describeFailure, patience]
  );

  useEffect(() => {
    setData(null);
    setCandidates([]);
    setOutcome(null);
    setSettings(DEFAULT_SETTINGS);
    void scan(true);
    return () => scanning.current?.abort();
  }, [scan]);

  // The stored settings are taken from the first read that succeeds, whichever started it.
  const hasData = useRef(false);
  hasData.current = data !== null;
  const running = status.kind === "running";
  const runningNow = useRef(false);
  runningNow.current = running;
  const rescan = useCallback(() => void scan(!hasData.current), [scan]);

  // Shown again: the user may have changed the workbook meanwhile. A read under way started before
  // that, so it is started anew; an action's run is left to finish (it read the sheets itself).
  const { watchShown } = props;
  useEffect(() => {
    if (host === null || watchShown === undefined) return;
    return watchShown(() => {
      if (!runningNow.current) rescan();
    });
  }, [host, watchShown, rescan]);

  const source = candidates.find((candidate) => candidate.name === settings.sourceSheet);
  const tableYears = tableYearsOf(settings);
  const years =
    source?.recognition.kind !== "export"
      ? []
      : !source.recognition.yearsNamed && tableYears !== null && !isEngineError(tableYears)
        ? userYearLabels(tableYears)
        : source.recognition.yearLabels;
  const problems = useMemo(() => settingsProblems(settings, source), [settings, source]);
  const settingsValid = !hasSettingsProblem(problems);

  const kinds = useMemo(() => sheetKinds(candidates), [candidates]);
  // «Выявить ШНОР» works on the chosen sheet; the others find their sheets themselves.
  const available = (action: PaneAction): boolean =>
    (action.needs === null ||
      (action.needs === "any"
        ? kinds.size > 0
        : action.needs === "export-table"
          ? source?.recognition.kind === "export"
          : kinds.has(action.needs))) &&
    (action.ready?.({ kinds, source: source?.recognition ?? null }) ?? true) &&
    // A bad field stops only the actions that read the method («Создать шаблон…» does not).
    (settingsValid || action.usesSettings === false);

  const run = async (action: PaneAction, choice?: string) => {
    if (host === null || data === null) return;
    const label = action.label[messages.language];
    const onProgress = (progress: Progress) =>
      setStatus({ kind: "running", action: label, progress });
    setFailure(null);
    setStatus({ kind: "running", action: label, progress: null });
    try {
      // Every sheet of the user, fresh: the engine decides what each one is (one request in Excel).
      const names = data.sheets
        .filter((sheet) => sheet.outputMark === null)
        .map((sheet) => sheet.name);
      const fresh = await host.read(names, onProgress);
      onProgress({ phase: "compute", done: 0, total: 0 });
      await nextPaint();
      const result = await action.run(fresh, settings, choice);
      if (isEngineError(result)) {
        setFailure({ title: messages.error, detail: result.message });
        return;
      }
      const report = await host.write(
        [
          ...result.layouts.map((layout) => ({ layout })),
          // Only a method that holds is stored for the next user: a template runs with one that does not.
          ...(settingsValid ? [{ layout: settingsLayout(settings), hidden: true }] : []),
        ],
        fresh,
        onProgress,
        result.statusColumn ?? null
      );
      setOutcome({ action: label, view: result.view, report, basis: fresh, settings });
      props.onWritten?.(report);
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setStatus({ kind: "idle" });
    }
  };

  const showCell = host?.selectCell
    ? (address: string) => {
        host.selectCell!(address).catch((error: unknown) => setFailure(describeFailure(error)));
      }
    : undefined;
  // Without a grid to select in (the standalone page), the cell is described under its warning.
  const basis = outcome?.basis;
  const describeCell =
    showCell === undefined && basis !== undefined
      ? async (address: string) => (await loadPaneEngine()).describeCell(basis, address)
      : undefined;

  const busy = status.kind !== "idle";
  const failureShown = useRevealOnChange<HTMLDivElement>(failure);
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Title2 as="h1" className={styles.title}>
            {messages.title}
          </Title2>
          {props.onLanguage && <LanguageSwitch messages={messages} onSwitch={props.onLanguage} />}
        </div>
        <Body1 as="p">{messages.tagline}</Body1>
      </header>
      {props.toolbar}
      {host === null ? (
        (props.placeholder ?? (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{messages.outsideOfficeTitle}</MessageBarTitle>
              {messages.outsideOffice}
            </MessageBarBody>
          </MessageBar>
        ))
      ) : (
        <>
          {failure !== null && (
            <MessageBar ref={failureShown} intent="error" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{failure.title}</MessageBarTitle>
                {failure.detail}
              </MessageBarBody>
            </MessageBar>
          )}
          {status.kind === "scanning" && (
            <Field label={messages.reading}>
              <ProgressBar aria-label={messages.reading} />
            </Field>
          )}
          {scanTrouble !== null && (
            <ScanNotice messages={messages} trouble={scanTrouble} onRefresh={rescan} />
          )}
          {data !== null && (
            <>
              <SourcePicker
                messages={messages}
                candidates={candidates}
                selected={settings.sourceSheet}
                disabled={busy}
                refreshDisabled={running}
                onSelect={(sheet) => setSettings({ ...settings, sourceSheet: sheet })}
                onRefresh={rescan}
              />
              <OfficialListPicker
                messages={messages}
                candidates={candidates}
                selected={settings.officialSheet}
                disabled={busy}
                onSelect={(sheet) => setSettings({ ...settings, officialSheet: sheet })}
              />
              <section className={styles.section} aria-label={messages.settings}>
                <Subtitle2 as="h2">{messages.settings}</Subtitle2>
                <MethodSettings
                  messages={messages}
                  settings={settings}
                  years={years}
                  problems={problems}
                  disabled={busy}
                  social={actions.some((action) => action.needs === "social-passport")}
                  risk={actions.some((action) => action.needs === "risk-questionnaire")}
                  onChange={(change) => setSettings({ ...settings, ...change })}
                />
              </section>
              <section className={styles.section} aria-label={messages.actions}>
                <Subtitle2 as="h2">{messages.actions}</Subtitle2>
                <ActionButtons
                  messages={messages}
                  actions={actions}
                  disabled={busy}
                  available={available}
                  onRun={(action, choice) => void run(action, choice)}
                />
                {!settingsValid && <Caption1>{messages.invalidSettings}</Caption1>}
                {status.kind === "running" && (
                  <RunProgress
                    messages={messages}
                    action={status.action}
                    progress={status.progress}
                  />
                )}
              </section>
            </>
          )}
          {outcome !== null && (
            <OutcomeSection
              outcome={outcome}
              settings={settings}
              messages={messages}
              onShowCell={showCell}
              describeCell={describeCell}
              methodClass={styles.method}
              sectionClass={styles.section}
            />
          )}
        </>
      )}
    </main>
  );
}

function OutcomeSection(props: {
  outcome: Outcome;
  /** The settings now in the pane. */
  settings: PaneSettings;
  messages: Messages;
  onShowCell?: (address: string) => void;
  describeCell?: (address: string) => Promise<CellView | null>;
  methodClass: string;
  sectionClass: string;
}) {
  const { outcome, messages } = props;
  const revealed = useRevealOnChange<HTMLElement>(outcome);
  const visible = outcome.report.sheets.filter((sheet) => !sheet.marker.endsWith(":settings"));
  const { headline } = outcome.view;
  // A template is a sheet to fill in: no list of schools, no warnings, and no method to go stale.
  if (headline.kind === "template") {
    const kept = visible.length === 0 ? outcome.report.keptSheets[0] : undefined;
    return (
      <section ref={revealed} className={props.sectionClass} aria-label={messages.results}>
        <Subtitle2 as="h2">{messages.headline(headline)}</Subtitle2>
        {kept !== undefined ? (
          <MessageBar intent="info">
            <MessageBarBody>{messages.templateKept(headline.name, kept.name)}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <MessageBar intent="success">
              <MessageBarBody>
                {messages.written(visible.map((sheet) => `«${sheet.name}»`))}
                {outcome.report.printSetupNotWritten !== undefined && (
                  <div>{messages.printSetupNotWritten}</div>
                )}
              </MessageBarBody>
            </MessageBar>
            <Caption1 className={props.methodClass}>{outcome.view.method}</Caption1>
          </>
        )}
      </section>
    );
  }
  const outOfDate = settingsChanged(outcome.settings, props.settings);
  return (
    <>
      <section ref={revealed} className={props.sectionClass} aria-label={messages.results}>
        <Subtitle2 as="h2">{messages.headline(headline)}</Subtitle2>
        {outOfDate && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{messages.outOfDateTitle}</MessageBarTitle>
              {messages.outOfDate(outcome.action)}
            </MessageBarBody>
          </MessageBar>
        )}
        <MessageBar intent="success">
          <MessageBarBody>
            {visible.length > 0 && messages.written(visible.map((sheet) => `«${sheet.name}»`))}
            {visible
              .filter((sheet) => sheet.name !== sheet.requestedName)
              .map((sheet) => (
                <div key={sheet.marker}>{messages.renamed(sheet.requestedName, sheet.name)}</div>
              ))}
            {outcome.report.keptSheets.map((sheet) => (
              <div key={sheet.marker}>{messages.kept(sheet.name)}</div>
            ))}
            {outcome.report.statusColumn !== undefined && (
              <div>{messages.statusColumn(outcome.report.statusColumn)}</div>
            )}
            {outcome.report.printSetupNotWritten !== undefined && (
              <div>{messages.printSetupNotWritten}</div>
            )}
          </MessageBarBody>
        </MessageBar>
        {messages.domainNote !== null && (
          <Caption1 className={props.methodClass}>{messages.domainNote}</Caption1>
        )}
        {/* Dimmed while out of date: still readable, visibly not the current settings' result. */}
        <div
          className={props.sectionClass}
          style={outOfDate ? { opacity: 0.55 } : undefined}
          data-out-of-date={outOfDate || undefined}
        >
          <Caption1 className={props.methodClass}>{outcome.view.method}</Caption1>
          <ResultsPanel messages={messages} view={outcome.view} />
        </div>
      </section>
      <section className={props.sectionClass}>
        <Subtitle2 as="h2">{messages.warnings(outcome.view.warnings.length)}</Subtitle2>
        <WarningsPanel
          messages={messages}
          warnings={outcome.view.warnings}
          onShowCell={props.onShowCell}
          describeCell={props.describeCell}
        />
      </section>
    </>
  );
}

/** Lets the browser paint the progress before the engine's synchronous work. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
