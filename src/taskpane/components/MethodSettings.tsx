import {
  Caption1,
  Field,
  Input,
  Link,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Messages } from "../messages";
import type { PaneSettings } from "../settings";
import type { SettingsProblems } from "../settingsProblems";

export interface MethodSettingsProps {
  messages: Messages;
  settings: PaneSettings;
  /** Year labels of the chosen table, oldest first. */
  years: string[];
  /** The engine's message about each field as typed (null: fine), shown under that field. */
  problems: SettingsProblems;
  disabled: boolean;
  /** Parameters of actions the pane offers: the ШНСУ group (ИСБШ), the risk thresholds' sheet. */
  social: boolean;
  risk: boolean;
  onChange: (change: Partial<PaneSettings>) => void;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
  },
  input: { minWidth: 0, width: "100%" },
  note: { color: tokens.colorNeutralForeground3 },
  // Long option texts must not widen the pane: the select takes the field's width and no more.
  select: { maxWidth: "100%", minWidth: 0 },
  control: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

/**
 * The help page's §2 (the ШНОР rule, its readings and the options that change it), rendered from
 * docs/method.md into dist/help.html. Relative, so it resolves next to the page that shows the pane:
 * taskpane.html on the add-in's server, standalone.html on that server or opened from disk.
 */
export const METHOD_HELP_HREF = "help.html#s2";

/** The method's parameters; validated by the engine's option parser (one set of rules and messages). */
export function MethodSettings(props: MethodSettingsProps) {
  const { messages, settings, disabled, onChange, problems } = props;
  const styles = useStyles();
  return (
    <div className={styles.form}>
      {/* A new window or tab: the pane keeps the user's settings and the workbook in view. */}
      <Link href={METHOD_HELP_HREF} target="_blank" rel="noopener">
        {messages.methodHelp}
      </Link>
      <div className={styles.pair}>
        <Field
          label={messages.threshold}
          hint={messages.thresholdHint}
          {...validation(problems.threshold)}
        >
          <Input
            className={styles.input}
            inputMode="decimal"
            value={settings.threshold}
            disabled={disabled}
            onChange={(_, data) => onChange({ threshold: data.value })}
          />
        </Field>
        <Field
          label={messages.minParticipants}
          hint={messages.minParticipantsHint}
          {...validation(problems.minParticipants)}
        >
          <Input
            className={styles.input}
            inputMode="numeric"
            value={settings.minParticipants}
            disabled={disabled}
            onChange={(_, data) => onChange({ minParticipants: data.value })}
          />
        </Field>
      </div>
      <Field label={messages.edition} {...validation(problems.edition)}>
        <Select
          className={styles.select}
          select={{ className: styles.control }}
          value={settings.edition}
          disabled={disabled}
          onChange={(_, data) => {
            if (data.value === "2020" || data.value === "2025") onChange({ edition: data.value });
          }}
        >
          <option value="2020">{messages.edition2020}</option>
          <option value="2025">{messages.edition2025}</option>
        </Select>
      </Field>
      <Field
        label={messages.tableYears}
        hint={messages.tableYearsHint}
        {...validation(problems.tableYears)}
      >
        <Input
          className={styles.input}
          value={settings.tableYears}
          disabled={disabled}
          onChange={(_, data) => onChange({ tableYears: data.value })}
        />
      </Field>
      <Field label={messages.referenceYear} {...validation(problems.referenceYear)}>
        <Select
          className={styles.select}
          select={{ className: styles.control }}
          value={settings.referenceYear}
          disabled={disabled}
          onChange={(_, data) => onChange({ referenceYear: data.value })}
        >
          <option value="">{messages.latestYear}</option>
          {[...props.years].reverse().map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
          {settings.referenceYear !== "" && !props.years.includes(settings.referenceYear) && (
            <option value={settings.referenceYear}>{settings.referenceYear}</option>
          )}
        </Select>
      </Field>
      <Field
        label={messages.schoolsTotal}
        hint={messages.schoolsTotalHint}
        {...validation(problems.schoolsTotal)}
      >
        <Input
          className={styles.input}
          inputMode="numeric"
          value={settings.schoolsTotal}
          disabled={disabled}
          onChange={(_, data) => onChange({ schoolsTotal: data.value })}
        />
      </Field>
      <Field label={messages.targets} hint={messages.targetsHint} {...validation(problems.targets)}>
        <Input
          className={styles.input}
          value={settings.targets}
          disabled={disabled}
          onChange={(_, data) => onChange({ targets: data.value })}
        />
      </Field>
      {props.social && (
        <Field label={messages.quantile}>
          <Select
            className={styles.select}
            select={{ className: styles.control }}
            value={settings.quantile}
            disabled={disabled}
            onChange={(_, data) => {
              if (data.value === "0.25" || data.value === "0.2") onChange({ quantile: data.value });
            }}
          >
            <option value="0.25">{messages.quartile}</option>
            <option value="0.2">{messages.quintile}</option>
          </Select>
        </Field>
      )}
      {props.risk && <Caption1 className={styles.note}>{messages.riskThresholds}</Caption1>}
      <Caption1 className={styles.note}>{messages.settingsStored}</Caption1>
    </div>
  );
}

/** A field's error state: the engine's message under the field, or nothing. */
function validation(problem: string | null): {
  validationState: "error" | "none";
  validationMessage?: string;
} {
  return problem === null
    ? { validationState: "none" }
    : { validationState: "error", validationMessage: problem };
}
