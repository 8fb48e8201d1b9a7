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
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { checkSchoolsTotal, isEngineError, parseIdentificationOptions } from "../engine";
import { loadPaneEngine, PANE_ACTIONS, type PaneAction } from "./actionList";
import type { ResultView } from "./actions";
import { ActionButtons } from "./components/ActionButtons";
import { MethodSettings } from "./components/MethodSettings";
import { ResultsPanel } from "./components/ResultsPanel";
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
} from "./host";
import type { Messages } from "./messages";
import { defaultSource, sheetKinds, type SourceCandidate } from "./sources";
import {
  DEFAULT_SETTINGS,
  SETTINGS_MARK,
  schoolsTotalOf,
  targetsOf,
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
}

type Status =
  | { kind: "idle" }
  | { kind: "scanning" }
  | { kind: "running"; action: string; progress: Progress | null };

interface Outcome {
  action: string;
  view: ResultView;
  report: WriteReport;
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
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
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

  const describeFailure = useCallback(
    (error: unknown): Failure =>
      isHostError(error)
        ? { title: messages.hostErrors[error.code], detail: error.detail }
        : { title: messages.error, detail: error instanceof Error ? error.message : String(error) },
    [messages]
  );

  const scan = useCallback(
    async (initial: boolean) => {
      if (host === null) return;
      setStatus({ kind: "scanning" });
      setFailure(null);
      try {
        const [scanned, engine] = await Promise.all([host.scan(), loadPaneEngine()]);
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
        setFailure(describeFailure(error));
      } finally {
        setStatus({ kind: "idle" });
      }
    },
    [host, describeFailure]
  );

  useEffect(() => {
    setData(null);
    setCandidates([]);
    setOutcome(null);
    setSettings(DEFAULT_SETTINGS);
    void scan(true);
  }, [scan]);

  const source = candidates.find((candidate) => candidate.name === settings.sourceSheet);
  const tableYears = tableYearsOf(settings);
  const years =
    source?.recognition.kind !== "export"
      ? []
      : !source.recognition.yearsNamed && tableYears !== null && !isEngineError(tableYears)
        ? userYearLabels(tableYears)
        : source.recognition.yearLabels;
  const problem = useMemo(() => {
    const parsed = parseIdentificationOptions({
      edition: settings.edition,
      threshold: settings.threshold,
      minParticipants: settings.minParticipants,
      year: settings.referenceYear === "" ? undefined : settings.referenceYear,
    });
    return isEngineError(parsed) ? parsed.message : null;
  }, [settings]);
  const schoolsTotalProblem = useMemo(() => {
    const total = schoolsTotalOf(settings);
    if (total === null) return null;
    if (isEngineError(total)) return total.message;
    // Said at the field, before a run: the chosen table's schools are already counted.
    if (source?.recognition.kind !== "export") return null;
    const table = { sheetName: source.name, schools: source.recognition.schools };
    return checkSchoolsTotal(total, table)?.message ?? null;
  }, [settings, source]);
  const tableYearsProblem = isEngineError(tableYears) ? tableYears.message : null;
  const targets = targetsOf(settings);
  const targetsProblem = isEngineError(targets) ? targets.message : null;
  const settingsValid =
    problem === null &&
    schoolsTotalProblem === null &&
    tableYearsProblem === null &&
    targetsProblem === null;

  const kinds = useMemo(() => sheetKinds(candidates), [candidates]);
  // «Выявить ШНОР» works on the chosen sheet; the others find their sheets themselves.
  const available = (action: PaneAction): boolean =>
    (action.needs === null ||
      (action.needs === "any"
        ? kinds.size > 0
        : action.needs === "export-table"
          ? source?.recognition.kind === "export"
          : kinds.has(action.needs))) &&
    (action.ready?.({ kinds, source: source?.recognition ?? null }) ?? true);

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
          { layout: settingsLayout(settings), hidden: true },
        ],
        fresh,
        onProgress,
        result.statusColumn ?? null
      );
      setOutcome({ action: label, view: result.view, report });
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

  const busy = status.kind !== "idle";
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {messages.title}
        </Title2>
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
            <MessageBar intent="error" role="alert">
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
          {data !== null && (
            <>
              <SourcePicker
                messages={messages}
                candidates={candidates}
                selected={settings.sourceSheet}
                disabled={busy}
                onSelect={(sheet) => setSettings({ ...settings, sourceSheet: sheet })}
                onRefresh={() => void scan(false)}
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
                  problem={problem}
                  schoolsTotalProblem={schoolsTotalProblem}
                  targetsProblem={targetsProblem}
                  tableYearsProblem={tableYearsProblem}
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
                  disabled={busy || !settingsValid}
                  available={available}
                  onRun={(action, choice) => void run(action, choice)}
                />
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
              messages={messages}
              onShowCell={showCell}
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
  messages: Messages;
  onShowCell?: (address: string) => void;
  methodClass: string;
  sectionClass: string;
}) {
  const { outcome, messages } = props;
  const visible = outcome.report.sheets.filter((sheet) => !sheet.marker.endsWith(":settings"));
  return (
    <>
      <section className={props.sectionClass} aria-label={messages.results}>
        <Subtitle2 as="h2">{messages.headline(outcome.view.headline)}</Subtitle2>
        <MessageBar intent="success">
          <MessageBarBody>
            {messages.written(visible.map((sheet) => `«${sheet.name}»`))}
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
          </MessageBarBody>
        </MessageBar>
        <Caption1 className={props.methodClass}>{outcome.view.method}</Caption1>
        <ResultsPanel messages={messages} view={outcome.view} />
      </section>
      <section className={props.sectionClass}>
        <Subtitle2 as="h2">{messages.warnings(outcome.view.warnings.length)}</Subtitle2>
        <WarningsPanel
          messages={messages}
          warnings={outcome.view.warnings}
          onShowCell={props.onShowCell}
        />
      </section>
    </>
  );
}

/** Lets the browser paint the progress before the engine's synchronous work. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
