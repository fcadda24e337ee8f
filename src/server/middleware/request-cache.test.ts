import { describe, expect, it } from "vitest";
import { rememberForMs, ShortMemory, type Found } from "./request-cache.js";

const t0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

/** A load that counts its calls and finds `value` (null: nothing). */
function counted<V>(value: V | null, until?: Date) {
  const load = (): Promise<Found<V> | null> => {
    load.calls += 1;
    return Promise.resolve(value === null ? null : { value, ...(until ? { until } : {}) });
  };
  load.calls = 0;
  return load;
}

describe("a short memory", () => {
  it("loads a key once and serves it until a second has passed by the app's clock", async () => {
    const memory = new ShortMemory<string>();
    const load = counted("ada");
    expect(await memory.recall("k", t0, load)).toBe("ada");
    expect(await memory.recall("k", later(rememberForMs - 1), load)).toBe("ada");
    expect(load.calls).toBe(1);
    expect(await memory.recall("k", later(rememberForMs), load)).toBe("ada");
    expect(load.calls).toBe(2);
  });

  it("does not serve an entry when the app's clock went back", async () => {
    const memory = new ShortMemory<string>();
    const load = counted("ada");
    await memory.recall("k", t0, load);
    await memory.recall("k", later(-1), load);
    expect(load.calls).toBe(2);
  });

  it("stops serving an entry at the instant it stops holding (a session's expiry)", async () => {
    const memory = new ShortMemory<string>();
    const load = counted("ada", later(10));
    await memory.recall("k", t0, load);
    await memory.recall("k", later(9), load);
    expect(load.calls).toBe(1);
    await memory.recall("k", later(10), load);
    expect(load.calls).toBe(2);
  });

  it("remembers nothing for a load that found nothing", async () => {
    const memory = new ShortMemory<string>();
    const load = counted<string>(null);
    expect(await memory.recall("k", t0, load)).toBeNull();
    expect(await memory.recall("k", t0, load)).toBeNull();
    expect(load.calls).toBe(2);
    expect(memory.size).toBe(0);
  });

  it("loads again after forget()", async () => {
    const memory = new ShortMemory<string>();
    const load = counted("ada");
    await memory.recall("k", t0, load);
    memory.forget();
    await memory.recall("k", t0, load);
    expect(load.calls).toBe(2);
  });

  it("does not keep what a load under way at forget() brings back, which may predate the write", async () => {
    const memory = new ShortMemory<string>();
    let finish: (found: Found<string>) => void = () => undefined;
    const slow = memory.recall("k", t0, () => new Promise<Found<string>>((resolve) => (finish = resolve)));
    memory.forget();
    finish({ value: "editor" });
    expect(await slow).toBe("editor");
    const load = counted("viewer");
    expect(await memory.recall("k", t0, load)).toBe("viewer");
    expect(load.calls).toBe(1);
  });

  it("keeps the keys apart", async () => {
    const memory = new ShortMemory<string>();
    expect(await memory.recall("a", t0, counted("ada"))).toBe("ada");
    expect(await memory.recall("b", t0, counted("bob"))).toBe("bob");
    expect(await memory.recall("a", t0, counted("not asked"))).toBe("ada");
  });
});
