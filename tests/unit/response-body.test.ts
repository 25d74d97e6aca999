import { EventEmitter } from "node:events";
import type { Request, Response } from "express";
import { describe, expect, test } from "vitest";
import { shouldCompress } from "../../app/lib/http/compression.server";
import { writeBody, type BodySink } from "../../app/lib/http/remix-handler.server";

/** A socket-like sink that takes `room` chunks before it asks the writer to wait. */
class SlowSink extends EventEmitter implements BodySink {
  chunks: string[] = [];
  destroyed = false;
  ended = false;
  constructor(public room: number) {
    super();
  }
  write(chunk: Uint8Array): boolean {
    this.chunks.push(new TextDecoder().decode(chunk));
    return this.room === 0 || this.chunks.length % this.room !== 0;
  }
  end() {
    this.ended = true;
  }
  destroy() {
    this.destroyed = true;
    this.emit("close");
  }
}

/** A body of `count` chunks that counts how many were asked for, and whether it was cancelled. */
function countingBody(count: number) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === count) return controller.close();
        state.pulled++;
        controller.enqueue(new TextEncoder().encode(`chunk ${state.pulled}\n`));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, state };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("writeBody", () => {
  test("reads no further while the client has not taken what was written", async () => {
    const sink = new SlowSink(2);
    const { body, state } = countingBody(100);
    const writing = writeBody(body, sink);
    await tick();
    expect(sink.chunks).toHaveLength(2);
    expect(state.pulled).toBeLessThanOrEqual(3);
    sink.emit("drain");
    await tick();
    expect(sink.chunks).toHaveLength(4);
    sink.room = 0; // From now on the client takes everything at once.
    sink.emit("drain");
    await writing;
    expect(sink.chunks).toHaveLength(100);
    expect(sink.ended).toBe(true);
  });

  test("cancels the body when the client goes away", async () => {
    const sink = new SlowSink(3);
    const { body, state } = countingBody(1_000);
    const writing = writeBody(body, sink);
    await tick();
    sink.destroy();
    await writing;
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(10);
    expect(sink.ended).toBe(false);
  });
});

describe("shouldCompress", () => {
  const call = (headers: Record<string, string>) =>
    shouldCompress(
      { headers: {} } as Request,
      { getHeader: (name: string) => headers[name.toLowerCase()] } as unknown as Response,
    );
  test.each([
    [{ "content-type": "text/html; charset=utf-8" }, true],
    [{ "content-type": "text/csv; charset=utf-8" }, true],
    [
      {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="dma-results.csv"',
      },
      false,
    ],
    [{ "content-type": "application/json", "content-disposition": "ATTACHMENT" }, false],
  ])("%o → %s", (headers, expected) => {
    expect(call(headers)).toBe(expected);
  });
});
