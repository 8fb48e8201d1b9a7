/*
 * The standalone page: the task pane without Office, on an .xlsx the user opens in the browser.
 * In the browser's language (English for an English one, else Russian), or the one chosen with the
 * header's switch; `standalone.html?lang=en` (or `ru`) asks for one outright.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useEffect } from "react";
import { createRoot } from "react-dom/client";
import { loadMessages, startingLanguage, useMessages, type Language } from "../taskpane/language";
import { StandalonePage } from "./StandalonePage";

function Page({ start }: { start: Language }) {
  const { messages, switchLanguage } = useMessages(start);
  useEffect(() => {
    document.title = messages.standalone.title;
  }, [messages]);
  return <StandalonePage messages={messages} onLanguage={switchLanguage} />;
}

const container = document.getElementById("container");
if (!container) {
  throw new Error("standalone.html has no #container element");
}
const start = startingLanguage(new URLSearchParams(window.location.search).get("lang"), [
  ...navigator.languages,
]);
// English is a chunk of its own: wait for it rather than show Russian for a moment.
void loadMessages(start).then(() =>
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Page start={start} />
    </FluentProvider>
  )
);
