/**
 * The standalone page's JS heap while it works, sampled about every 50 ms over the Chrome DevTools
 * Protocol, for its main thread and for the Web Worker that reads the workbook:
 *  - the page: `Performance.getMetrics` (JSHeapUsedSize). Chromium sends that command on its IO
 *    thread and interrupts running JavaScript to answer it, so it answers while the page's thread is
 *    busy for seconds (`Runtime.getHeapUsage` waited 7.6 s there, the whole «Выявить ШНОР» task);
 *  - the worker: the page's session attaches to its dedicated workers (`Target.setAutoAttach`, not
 *    flattened: Playwright's CDP session cannot address a child session, so the worker's commands go
 *    as `Target.sendMessageToTarget`) and asks `Runtime.getHeapUsage`, as a worker has no Performance
 *    domain. It answers between the worker's tasks; the longest wait is reported beside the peak.
 * The JS heap is V8's used heap: array buffers (the packed cells) and external strings (the scripts'
 * sources among them) lie outside it; they are reported apart, from `Runtime.getHeapUsage`'s backing
 * storage, for the page when its thread is free.
 * Checked against V8's own account (`--js-flags=--trace-gc`, the heap before each collection) on the
 * national workbook: page 157 MB traced / 165 MB sampled, worker 59 / 61 MB; on 2,000 schools the
 * samples give 18–19 MB and 2–3 MB.
 */
import { performance } from "perf_hooks";
import type { CDPSession } from "playwright-core";

const MB = 1024 * 1024;

/** One thread's samples. */
export interface ThreadHeap {
  peakMb: number;
  samples: number;
  /** The longest wait for an answer: no sample of this thread covers a longer stretch. */
  longestWaitMs: number;
}

export interface HeapPeaks {
  page: ThreadHeap;
  worker: ThreadHeap & { workers: number };
  /**
   * The peak of page + worker at the same moment: at every sample of either, the latest sample of
   * each summed (the worker counts 0 once it has ended).
   */
  sumMb: number;
  /** Array buffers and external strings, page + worker, at the same moments (not JS heap). */
  backingStorageMb: number;
}

interface Reply {
  id?: number;
  result?: { usedSize: number; backingStorageSize?: number };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HeapSampler {
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly page: ThreadHeap = { peakMb: 0, samples: 0, longestWaitMs: 0 };
  private readonly worker: ThreadHeap = { peakMb: 0, samples: 0, longestWaitMs: 0 };
  private pageNow = 0;
  private pageBackingNow = 0;
  /** The latest sample of each worker alive, by its session. */
  private readonly workersNow = new Map<string, { used: number; backing: number }>();
  private workersSeen = 0;
  private sumPeak = 0;
  private backingPeak = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, { session: string; answer: (reply: Reply) => void }>();

  private constructor(
    private readonly session: CDPSession,
    private readonly intervalMs: number
  ) {}

  /** Starts sampling the page of `session` (a CDP session of that page) and its workers. */
  static async start(session: CDPSession, intervalMs = 50): Promise<HeapSampler> {
    const sampler = new HeapSampler(session, intervalMs);
    await sampler.attach();
    sampler.loops.push(
      sampler.every(() => sampler.samplePage()),
      sampler.every(() => sampler.samplePageBacking()),
      sampler.every(() => sampler.sampleWorkers())
    );
    return sampler;
  }

  async stop(): Promise<HeapPeaks> {
    this.running = false;
    await Promise.all(this.loops);
    return {
      page: this.page,
      worker: { ...this.worker, workers: this.workersSeen },
      sumMb: this.sumPeak / MB,
      backingStorageMb: this.backingPeak / MB,
    };
  }

  private async attach(): Promise<void> {
    this.session.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => {
      if (targetInfo.type !== "worker") return;
      this.workersNow.set(sessionId, { used: 0, backing: 0 });
      this.workersSeen++;
    });
    this.session.on("Target.detachedFromTarget", ({ sessionId }) => {
      if (sessionId === undefined) return;
      this.workersNow.delete(sessionId);
      // A question the ended worker will never answer.
      for (const [id, { session, answer }] of this.waiting)
        if (session === sessionId) {
          this.waiting.delete(id);
          answer({});
        }
      this.record();
    });
    this.session.on("Target.receivedMessageFromTarget", ({ message }) => {
      const reply = JSON.parse(message) as Reply;
      const asked = reply.id === undefined ? undefined : this.waiting.get(reply.id);
      if (asked === undefined) return;
      this.waiting.delete(reply.id!);
      asked.answer(reply);
    });
    await this.session.send("Performance.enable");
    await this.session.send("Target.setAutoAttach", {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  }

  private async every(sample: () => Promise<void>): Promise<void> {
    while (this.running) {
      try {
        await sample();
      } catch {
        return; // the page has gone: nothing more to sample
      }
      await sleep(this.intervalMs);
    }
  }

  private async samplePage(): Promise<void> {
    const asked = performance.now();
    const { metrics } = await this.session.send("Performance.getMetrics");
    this.page.longestWaitMs = Math.max(this.page.longestWaitMs, performance.now() - asked);
    this.pageNow = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? 0;
    this.page.samples++;
    this.page.peakMb = Math.max(this.page.peakMb, this.pageNow / MB);
    this.record();
  }

  private async samplePageBacking(): Promise<void> {
    const usage = await this.session.send("Runtime.getHeapUsage");
    this.pageBackingNow = usage.backingStorageSize ?? 0;
    this.record();
  }

  private async sampleWorkers(): Promise<void> {
    for (const sessionId of [...this.workersNow.keys()]) {
      const asked = performance.now();
      const { result } = await this.askWorker(sessionId, "Runtime.getHeapUsage");
      if (result === undefined || !this.workersNow.has(sessionId)) continue;
      this.worker.longestWaitMs = Math.max(this.worker.longestWaitMs, performance.now() - asked);
      this.workersNow.set(sessionId, {
        used: result.usedSize,
        backing: result.backingStorageSize ?? 0,
      });
      this.worker.samples++;
      this.worker.peakMb = Math.max(this.worker.peakMb, result.usedSize / MB);
      this.record();
    }
  }

  private askWorker(sessionId: string, method: string): Promise<Reply> {
    return new Promise((answer) => {
      const id = this.nextId++;
      this.waiting.set(id, { session: sessionId, answer });
      this.session
        .send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method }) })
        .catch(() => {
          this.waiting.delete(id);
          answer({});
        });
    });
  }

  /** The page's and the workers' latest samples, summed. */
  private record(): void {
    let used = this.pageNow;
    let backing = this.pageBackingNow;
    for (const now of this.workersNow.values()) {
      used += now.used;
      backing += now.backing;
    }
    this.sumPeak = Math.max(this.sumPeak, used);
    this.backingPeak = Math.max(this.backingPeak, backing);
  }
}
