/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";

// jsdom has no layout and no ResizeObserver; Fluent's MessageBar observes its own width for reflow.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });

function renderApp(inExcel: boolean) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App inExcel={inExcel} />
    </FluentProvider>
  );
}

describe("task pane", () => {
  it("shows the product name as the heading", () => {
    renderApp(true);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Школьный радар");
  });

  it("asks to open the add-in in Excel when it runs outside Excel", () => {
    renderApp(false);
    expect(screen.getByText(/Откройте надстройку в Excel/)).toBeTruthy();
  });

  it("does not show that message inside Excel", () => {
    renderApp(true);
    expect(screen.queryByText(/Откройте надстройку в Excel/)).toBeNull();
  });
});
