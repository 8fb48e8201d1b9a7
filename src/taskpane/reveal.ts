import { useEffect, useRef, type RefObject } from "react";

/** The part of the window's height the start of a result may sit in and still count as seen. */
const SEEN_PART = 0.8;

/**
 * Brings `element` into view when its start is off screen: in a narrow task pane the result of an
 * action lands below the method and the buttons, where the user would not see that anything happened.
 * A result that already shows is left where it is, so a wide pane does not jump.
 */
export function revealIfHidden(element: HTMLElement | null): void {
  // jsdom (the component tests) and very old engines have no scrollIntoView.
  if (element === null || typeof element.scrollIntoView !== "function") return;
  const top = element.getBoundingClientRect().top;
  const height = window.innerHeight || document.documentElement.clientHeight;
  if (top >= 0 && top < height * SEEN_PART) return;
  element.scrollIntoView({ block: "start" });
}

/** A ref whose element is revealed (above) every time `key` changes to a value that is not null. */
export function useRevealOnChange<T extends HTMLElement>(key: unknown): RefObject<T> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== null && key !== undefined) revealIfHidden(ref.current);
  }, [key]);
  return ref;
}
