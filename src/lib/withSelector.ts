/**
 * `useSyncExternalStoreWithSelector` as an ES module, for the library build
 * (vite.lib.config.ts aliases `use-sync-external-store/shim/with-selector`
 * here). React Flow's zustand imports that helper, which npm ships only as
 * CommonJS calling `require("react")`: bundled into an ES module for a host's
 * bundler, that call throws ("Calling `require` for "react"…") and the graph
 * never draws. React 18 and 19 have `useSyncExternalStore` built in, so the
 * shim's only job left is the selector's memo, written here.
 */
/* eslint-disable react-hooks/refs, react-hooks/immutability -- React's own helper, ported: the memo
   lives across renders by design (a selection equal to the last keeps its identity). */
import { useDebugValue, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

interface Last<S> {
  hasValue: boolean;
  value: S | undefined;
}

export function useSyncExternalStoreWithSelector<T, S>(
  subscribe: (onChange: () => void) => () => void,
  getSnapshot: () => T,
  getServerSnapshot: undefined | null | (() => T),
  selector: (snapshot: T) => S,
  isEqual?: (a: S, b: S) => boolean,
): S {
  // What the component rendered last, so an equal selection keeps its identity.
  const last = useRef<Last<S>>({ hasValue: false, value: undefined }).current;
  const [getSelection, getServerSelection] = useMemo(() => {
    let memo: { snapshot: T; selection: S } | null = null;
    const select = (snapshot: T): S => {
      if (memo === null) {
        let selection = selector(snapshot);
        if (isEqual !== undefined && last.hasValue && isEqual(last.value as S, selection)) {
          selection = last.value as S;
        }
        memo = { snapshot, selection };
        return selection;
      }
      if (Object.is(memo.snapshot, snapshot)) return memo.selection;
      const next = selector(snapshot);
      if (isEqual !== undefined && isEqual(memo.selection, next)) {
        memo = { snapshot, selection: memo.selection };
        return memo.selection;
      }
      memo = { snapshot, selection: next };
      return next;
    };
    const server = getServerSnapshot ?? null;
    return [() => select(getSnapshot()), server === null ? undefined : () => select(server())] as const;
  }, [getSnapshot, getServerSnapshot, selector, isEqual, last]);
  const value = useSyncExternalStore(subscribe, getSelection, getServerSelection);
  useEffect(() => {
    last.hasValue = true;
    last.value = value;
  }, [last, value]);
  useDebugValue(value);
  return value;
}

/** The CommonJS module's shape (zustand imports it as a default export). */
export default { useSyncExternalStoreWithSelector };
