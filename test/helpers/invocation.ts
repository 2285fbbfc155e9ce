/** A stand-in for the invocation object Excel passes as the last argument of a @cancelable function. */
export function invocation(over: { isInValuePreview?: boolean } = {}): CustomFunctions.CancelableInvocation {
  return { address: "Sheet1!A1", functionName: "ECON.TEST", ...over } as unknown as CustomFunctions.CancelableInvocation;
}
