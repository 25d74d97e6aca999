import { describe, expect, test, vi } from "vitest";
import { AutosaveQueue, type SaveResponse, type SaveStatus } from "../../app/lib/client/autosave";

function setup(responses: (SaveResponse | Error)[]) {
  vi.useFakeTimers();
  const sent: { answers: Record<string, unknown>; currentPage?: number }[] = [];
  const statuses: SaveStatus[] = [];
  const conflict = vi.fn();
  const queue = new AutosaveQueue({
    send: async (body) => {
      sent.push(body);
      const next = responses.shift() ?? { status: 200 };
      if (next instanceof Error) throw next;
      return next;
    },
    onStatus: (status) => statuses.push(status),
    onConflict: conflict,
  });
  return { queue, sent, statuses, conflict };
}

describe("AutosaveQueue", () => {
  test("sends changes together about a second after the last one", async () => {
    const { queue, sent, statuses } = setup([]);
    queue.change("q2", [1]);
    await vi.advanceTimersByTimeAsync(500);
    queue.change("q3", [2]);
    await vi.advanceTimersByTimeAsync(900);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([{ answers: { q2: [1], q3: [2] }, currentPage: undefined }]);
    expect(statuses).toEqual(["saving", "saved"]);
    vi.useRealTimers();
  });

  test("saves at once on a page change", async () => {
    const { queue, sent } = setup([]);
    queue.change("q2", [1]);
    queue.page(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ answers: { q2: [1] }, currentPage: 1 }]);
    vi.useRealTimers();
  });

  test("retries with backoff while offline, merging what changed meanwhile, dropping nothing", async () => {
    const { queue, sent, statuses } = setup([
      new Error("offline"),
      { status: 503 },
      { status: 200 },
    ]);
    queue.change("q2", [1]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe("retrying");
    queue.change("q3", [2]);
    queue.change("q2", [1, 2]);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.at(-1)).toEqual({ answers: { q2: [1, 2], q3: [2] }, currentPage: undefined });
    expect(statuses.at(-1)).toBe("saved");
    vi.useRealTimers();
  });

  test.each([
    [400, "rejected"],
    [413, "rejected"],
  ])("does not retry a %i, and says so", async (status, expected) => {
    const { queue, sent, statuses } = setup([{ status, message: "bad" }]);
    queue.change("q2", [99]);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    expect(statuses.at(-1)).toBe(expected);
    vi.useRealTimers();
  });

  test("a 409 (submitted elsewhere) calls onConflict", async () => {
    const { queue, conflict } = setup([{ status: 409 }]);
    queue.change("q2", [1]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(conflict).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });

  test("flush resolves true once everything is saved", async () => {
    const { queue } = setup([]);
    queue.change("q2", [1]);
    const flushed = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    await expect(flushed).resolves.toBe(true);
    expect(queue.busy).toBe(false);
    vi.useRealTimers();
  });
});
