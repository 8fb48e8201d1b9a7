/*
 * The standalone page: the task pane without Office, on an .xlsx the user opens in the browser.
 * Russian by default; `standalone.html?lang=en` for English.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { messagesFor } from "../taskpane/messages";
import { StandalonePage } from "./StandalonePage";

const container = document.getElementById("container");
if (!container) {
  throw new Error("standalone.html has no #container element");
}
const messages = messagesFor(new URLSearchParams(window.location.search).get("lang"));
document.documentElement.lang = messages.language;
document.title = messages.standalone.title;
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <StandalonePage messages={messages} />
  </FluentProvider>
);
