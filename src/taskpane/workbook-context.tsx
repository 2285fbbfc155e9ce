import { createContext, useContext } from "react";
import type { WorkbookIO } from "./excel-io";

/**
 * The workbook boundary, injected: the add-in passes `officeWorkbookIO()` (Excel.run); the
 * browser test loads the same bundle with a test double of Office.js behind it.
 */
export const WorkbookContext = createContext<WorkbookIO | null>(null);

export function useWorkbook(): WorkbookIO {
  const io = useContext(WorkbookContext);
  if (!io) throw new Error("WorkbookContext is missing: wrap the app in <WorkbookContext.Provider>.");
  return io;
}
