import { FluentProvider, webLightTheme, Title3, Body1 } from "@fluentui/react-components";

/** The task pane shell; the guided journey (Data → Index → Models → Tables) grows here. */
export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1">EconSheet</Title3>
        <Body1 as="p">Panel econometrics and entropy-weight indices in Excel. 面板计量与熵值法综合指数。</Body1>
      </main>
    </FluentProvider>
  );
}
