// /app/insights, loaded on first visit: the page and its chart library are a chunk of their own,
// so the host screen's bundle (and budget) carry none of it.
import { useEffect, useState } from "preact/hooks";
import type { FunctionComponent } from "preact";
import type { Location, Session } from "../../shared/types";

type Props = { session: Session; locations: Location[] };
let loaded: FunctionComponent<Props> | null = null;

export function InsightsRoute(props: Props) {
  const [Page, setPage] = useState<FunctionComponent<Props> | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Page) return;
    import("./insights-page").then(
      (m) => {
        loaded = m.InsightsPage;
        setPage(() => m.InsightsPage);
      },
      () => setFailed(true),
    );
  }, []);
  if (failed) return <main><div class="alert error" role="alert">Insights could not load. Check the connection and reload.</div></main>;
  return Page ? <Page {...props} /> : <main class="row pad"><span class="spinner" /> Loading…</main>;
}
