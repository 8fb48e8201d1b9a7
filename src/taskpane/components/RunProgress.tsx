import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress } from "../../host/workbookHost";
import type { Messages } from "../messages";

export interface RunProgressProps {
  messages: Messages;
  action: string;
  progress: Progress | null;
}

/** What a long action is doing: the phase, and the requests to Excel done out of those planned. */
export function RunProgress({ messages, action, progress }: RunProgressProps) {
  const phase = progress === null ? messages.phase.read : messages.phase[progress.phase];
  const step = progress === null ? "" : messages.step(progress.done, progress.total);
  const value =
    progress !== null && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <Field
      label={messages.running(action)}
      hint={step === "" ? phase : `${phase}: ${step}`}
      validationState="none"
    >
      <ProgressBar value={value} thickness="large" aria-label={messages.running(action)} />
    </Field>
  );
}
