import { useCallback, useRef, useState } from "react";

/** Progress of long work (bootstrap, many tables, large writes) shown with a bar and Cancel. */
export interface TaskProgress {
  done: number;
  total: number;
  label: string;
}

export interface LongTask {
  running: boolean;
  progress: TaskProgress | null;
  /** Runs `work`; it reports progress and polls `isCancelled` between chunks. */
  run<T>(work: (report: (p: TaskProgress) => void, isCancelled: () => boolean) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  cancelled: boolean;
}

/**
 * State for one long task at a time. The work must yield to the event loop between chunks
 * (see writeOutputs / runTablesStepwise) so the progress bar repaints and Cancel is clickable.
 */
export function useLongTask(): LongTask {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const cancelRef = useRef(false);
  const run = useCallback(async <T,>(work: (report: (p: TaskProgress) => void, isCancelled: () => boolean) => Promise<T>) => {
    cancelRef.current = false;
    setCancelled(false);
    setRunning(true);
    setProgress({ done: 0, total: 1, label: "" });
    try {
      return await work((p) => setProgress(p), () => cancelRef.current);
    } finally {
      setRunning(false);
      setProgress(null);
      setCancelled(cancelRef.current);
    }
  }, []);
  const cancel = useCallback(() => {
    cancelRef.current = true;
  }, []);
  return { running, progress, run, cancel, cancelled };
}
