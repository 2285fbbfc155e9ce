/**
 * A stand-in for the CustomFunctions global that Excel provides at run time, so tests can call
 * src/functions/functions.ts exactly as Excel does and see which Excel error a failure becomes.
 */
export class FakeCustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

export function installCustomFunctionsGlobal(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCustomFunctionError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
    associate: () => undefined,
  };
}
