import { App, type AppProps } from "./App";
import { useMessages, type Language } from "./language";

export type PaneRootProps = Omit<AppProps, "messages" | "onLanguage"> & {
  /** The language to start in (`startingLanguage`); the header's switch changes it. */
  start: Language;
};

/** The task pane in the language it starts in, with the switch to the other one. */
export function PaneRoot({ start, ...props }: PaneRootProps) {
  const { messages, switchLanguage } = useMessages(start);
  return <App {...props} messages={messages} onLanguage={switchLanguage} />;
}
