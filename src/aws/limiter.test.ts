import { describe, expect, it } from "vitest";
import { Limiter, Semaphore } from "./limiter.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Runs `n` tasks through `run` and returns the most that were in flight at once. */
async function peak(n: number, run: (task: () => Promise<void>, i: number) => Promise<void>): Promise<number> {
  let active = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      run(async () => {
        active += 1;
        most = Math.max(most, active);
        await tick();
        active -= 1;
      }, i),
    ),
  );
  return most;
}

describe("the limiter", () => {
  it("a semaphore never lets more than its limit run at once, and runs every task", async () => {
    const semaphore = new Semaphore(3);
    expect(await peak(10, (task) => semaphore.run(task))).toBe(3);
    expect(semaphore.inFlight).toBe(0);
  });

  it("IAM requests of one account run two at a time", async () => {
    const limiter = new Limiter();
    expect(await peak(8, (task) => limiter.run("111111111111", "global", "iam", task))).toBe(2);
  });

  it("different accounts have their own slots, under the global cap", async () => {
    expect(await peak(8, (task, i) => new Limiter().run(String(i), "global", "iam", task))).toBe(8);
    const capped = new Limiter(4);
    expect(await peak(8, (task, i) => capped.run(String(i), "global", "iam", task))).toBe(4);
  });

  it("a failed task frees its slot", async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await semaphore.run(() => Promise.resolve("next"))).toBe("next");
  });
});
