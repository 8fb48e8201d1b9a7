import { Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUploadRegular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 1000,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    rowGap: tokens.spacingVerticalM,
    margin: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    // Solid: the page under it would only show through as noise.
    // The drop lands on the window whatever is under the pointer; the overlay only shows where.
    pointerEvents: "none",
  },
  icon: { fontSize: "48px" },
  text: { maxWidth: "28em", textAlign: "center" },
});

/** Over the whole page while a file is dragged over it: drop it anywhere. */
export function DropOverlay({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <div className={styles.overlay} role="status">
      <ArrowUploadRegular className={styles.icon} aria-hidden />
      <Subtitle1 className={styles.text}>{text}</Subtitle1>
    </div>
  );
}
