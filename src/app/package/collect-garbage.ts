// Rendering a PDF or a workbook leaves tens of megabytes of short-lived objects that V8 collects only
// when its heap has grown well past the live data; a package renders about thirty documents in a row,
// so without a collection between them the process's peak memory is mostly garbage. This asks V8 for
// a full collection between documents (about 20 ms each).
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";

let collect: (() => void) | undefined;

/** A full garbage collection, when the runtime allows one; otherwise nothing. */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    collect = typeof gc === "function" ? () => void Reflect.apply(gc, undefined, []) : () => undefined;
  }
  collect();
}
