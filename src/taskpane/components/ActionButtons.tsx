import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { PlayRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { PaneAction } from "../actionList";
import type { Messages } from "../messages";

export interface ActionButtonsProps {
  messages: Messages;
  actions: PaneAction[];
  /** Everything off (an action runs, or the parameters are invalid). */
  disabled: boolean;
  /** Whether the workbook has what an action needs (a results table, a social passport…). */
  available: (action: PaneAction) => boolean;
  onRun: (action: PaneAction, choice?: string) => void;
}

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  choices: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
  },
});

/**
 * One button per action the engine can carry out; the first is the primary one. An action with
 * variants (the template to create) shows them as buttons of their own when pressed.
 */
export function ActionButtons({
  messages,
  actions,
  disabled,
  available,
  onRun,
}: ActionButtonsProps) {
  const styles = useStyles();
  const [choosing, setChoosing] = useState<{
    action: PaneAction;
    choices: { value: string; label: string }[];
  } | null>(null);
  const choose = async (action: PaneAction) => {
    if (choosing?.action === action || !action.choices) {
      setChoosing(null);
      return;
    }
    setChoosing({ action, choices: await action.choices() });
  };
  return (
    <div>
      <div className={styles.buttons} role="group" aria-label={messages.actions}>
        {actions.map((action, index) => (
          <Button
            key={action.id}
            appearance={index === 0 ? "primary" : "secondary"}
            icon={index === 0 ? <PlayRegular /> : undefined}
            disabled={disabled || !available(action)}
            aria-expanded={action.choices ? choosing?.action === action : undefined}
            onClick={() => {
              if (action.choices) void choose(action);
              else onRun(action);
            }}
          >
            {action.label[messages.language]}
          </Button>
        ))}
      </div>
      {choosing && (
        <div
          className={styles.choices}
          role="group"
          aria-label={choosing.action.label[messages.language]}
        >
          <Caption1>{messages.choose}</Caption1>
          {choosing.choices.map((choice) => (
            <Button
              key={choice.value}
              size="small"
              disabled={disabled}
              onClick={() => {
                setChoosing(null);
                onRun(choosing.action, choice.value);
              }}
            >
              {choice.label}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
