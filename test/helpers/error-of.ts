/** The error `f` throws (typed as the caller expects); fails the test when nothing is thrown. */
export function errorOf<E = Error>(f: () => unknown): E {
  try {
    f();
  } catch (e) {
    return e as E;
  }
  throw new Error("expected an error");
}
