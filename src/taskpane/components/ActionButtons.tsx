import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { PlayRegular } from "@fluentui/react-icons";
import type { PaneAction } from "../actions";
import type { Messages } from "../messages";

export interface ActionButtonsProps {
  messages: Messages;
  actions: PaneAction[];
  disabled: boolean;
  onRun: (action: PaneAction) => void;
}

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** One button per action the engine can carry out; the first is the primary one. */
export function ActionButtons({ messages, actions, disabled, onRun }: ActionButtonsProps) {
  const styles = useStyles();
  return (
    <div className={styles.buttons} role="group" aria-label={messages.actions}>
      {actions.map((action, index) => (
        <Button
          key={action.id}
          appearance={index === 0 ? "primary" : "secondary"}
          icon={index === 0 ? <PlayRegular /> : undefined}
          disabled={disabled}
          onClick={() => onRun(action)}
        >
          {action.label[messages.language]}
        </Button>
      ))}
    </div>
  );
}
