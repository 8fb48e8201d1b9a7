import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Body1,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

export interface AppProps {
  /** True when Office.onReady reported Excel as the host. */
  inExcel: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: {
    color: tokens.colorBrandForeground1,
  },
});

/** The task pane; for now a placeholder that says what the add-in does and where it must run. */
export function App({ inExcel }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.header}>
        Школьный радар
      </Title2>
      <Body1 as="p">
        Находит школы с низкими образовательными результатами (ШНОР) по выгрузке региональных
        оценочных процедур: читает таблицу на листе, применяет критерии и объясняет по каждой школе,
        почему она попала в список.
      </Body1>
      {!inExcel && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Откройте надстройку в Excel.</MessageBarTitle>
            Эта страница работает внутри Excel (на компьютере или в Excel в Интернете); в обычном
            окне браузера она не может читать листы книги.
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
