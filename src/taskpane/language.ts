import { useCallback, useEffect, useState } from "react";
import { languageOf, RU, type Messages } from "./messages";

export type Language = Messages["language"];

/** Where the user's own choice (the switch in the pane's header) is kept between sessions. */
const STORAGE_KEY = "school-radar:language";

/**
 * The language the pane starts in: `asked` (the page's `?lang=`) if given, else the user's choice kept
 * from the switch, else the host's: Office's display language, or the browser's. English for any
 * English tag, Russian for every other — the product's own language.
 */
export function startingLanguage(
  asked: string | null,
  host: readonly (string | null | undefined)[]
): Language {
  const chosen = [asked, storedLanguage(), ...host].find(
    (preference) => preference !== null && preference !== undefined && preference !== ""
  );
  return languageOf(chosen);
}

/** English once loaded: its chunk is fetched once, by the first page or switch that asks for it. */
let english: Messages | null = null;

/** The pane's words in `language`; English comes in its own chunk (messagesEn.ts), once. */
export async function loadMessages(language: Language): Promise<Messages> {
  if (language === "ru") return RU;
  english ??= (await import(/* webpackChunkName: "messages-en" */ "./messagesEn")).EN;
  return english;
}

/** The words at hand without waiting: English only once loaded (a page loads it before rendering). */
function messagesAtHand(language: Language): Messages {
  return language === "en" && english !== null ? english : RU;
}

/** The pane's words, and the switch to the other language (remembered for the next start). */
export function useMessages(start: Language): {
  messages: Messages;
  switchLanguage: (language: Language) => void;
} {
  const [messages, setMessages] = useState(() => messagesAtHand(start));
  useEffect(() => {
    // Started in English before its chunk came (a page that did not wait for it): switch when it does.
    if (messagesAtHand(start).language !== start) void loadMessages(start).then(setMessages);
  }, [start]);
  useEffect(() => {
    document.documentElement.lang = messages.language;
  }, [messages]);
  const switchLanguage = useCallback((language: Language) => {
    rememberLanguage(language);
    void loadMessages(language).then(setMessages);
  }, []);
  return { messages, switchLanguage };
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be refused (privacy settings, a sandboxed frame): the pane then follows the host.
    return null;
  }
}

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not kept: the switch still works for this session.
  }
}
