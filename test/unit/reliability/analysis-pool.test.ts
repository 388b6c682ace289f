/**
 * The analysis pool's policy (server/src/lsp/analysis-pool.ts) with ports that answer when the test
 * says and fake timers: jobs by priority, one validation at a time, the budget (the worker is
 * terminated, the job rejected, the next job on a new worker), memory, a spare worker only once a
 * job has run a while, idle workers retiring, and the fall-back to this thread when a worker
 * cannot start.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AnalysisPool, AnalysisStopped, Priority } from '../../../server/src/lsp/analysis-pool.js';
import type { AnalysisPort, FromWorker, Job, RunnerExit, ToWorker } from '../../../server/src/lsp/analysis-protocol.js';

interface FakePort extends AnalysisPort {
  sent: ToWorker[];
  terminated: boolean;
  reply(message: FromWorker): void;
  exit(why: RunnerExit): void;
  /** The job this port is working on. */
  current(): (ToWorker & { kind: 'job' }) | undefined;
}

function fakePort(description = 'a fake worker'): FakePort {
  let listener: (message: FromWorker) => void = () => undefined;
  let onExit: (why: RunnerExit) => void = () => undefined;
  const port: FakePort = {
    description,
    sent: [],
    terminated: false,
    post: (message) => void port.sent.push(message),
    onMessage: (l) => void (listener = l),
    onExit: (l) => void (onExit = l),
    terminate: () => void (port.terminated = true),
    reply: (message) => listener(message),
    exit: (why) => onExit(why),
    current() {
      const jobs = port.sent.filter((m): m is ToWorker & { kind: 'job' } => m.kind === 'job');
      return jobs.at(-1);
    },
  };
  return port;
}

const analyse = (uri: string): Job => ({ kind: 'analyse', uri, version: 1, text: 'plan "x"\n' });
const validate = (n: number): Job => ({ kind: 'validate', plans: Array.from({ length: n }, (_, i) => ({ uri: `file:///p${i}.ipt`, text: '' })) });

let ports: FakePort[];
let logs: string[];
function pool(options: { budgetMs?: number; start?: () => AnalysisPort } = {}) {
  return new AnalysisPool({
    start:
      options.start ??
      (() => {
        const port = fakePort();
        ports.push(port);
        return port;
      }),
    startInThread: () => {
      const port = fakePort('this thread, in slices');
      ports.push(port);
      return port;
    },
    budgetMs: options.budgetMs ?? 5000,
    memoryLimitMb: 512,
    log: (message) => void logs.push(message),
  });
}
const ready = (port: FakePort) => port.reply({ kind: 'ready' });
const finish = (port: FakePort, value: unknown = 'done') => port.reply({ kind: 'result', id: port.current()!.id, value });

beforeEach(() => {
  vi.useFakeTimers();
  ports = [];
  logs = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the analysis pool', () => {
  test('one worker clears a burst of jobs in order of priority; no second worker for quick jobs', async () => {
    const p = pool();
    const order: string[] = [];
    const jobs = [
      p.run(validate(2), Priority.workspace),
      p.run(analyse('file:///open.ipt'), Priority.open),
      p.run(analyse('file:///asked.ipt'), Priority.request),
    ];
    jobs.forEach((job, i) => void job.result.then(() => order.push(['validate', 'open', 'asked'][i])));
    expect(ports).toHaveLength(1);
    ready(ports[0]);
    for (let i = 0; i < 3; i++) {
      finish(ports[0]);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(order).toEqual(['asked', 'open', 'validate']);
    expect(ports).toHaveLength(1);
  });

  test('promote moves a queued job ahead', async () => {
    const p = pool();
    const first = p.run(analyse('file:///a.ipt'), Priority.open);
    const second = p.run(analyse('file:///b.ipt'), Priority.open);
    const third = p.run(analyse('file:///c.ipt'), Priority.open);
    ready(ports[0]);
    third.promote();
    finish(ports[0]);
    await first.result;
    expect(ports[0].current()!.job).toMatchObject({ uri: 'file:///c.ipt' });
    void second;
  });

  test('a job past the budget: its worker is terminated, the job rejected, the next job goes to a new worker', async () => {
    const p = pool({ budgetMs: 1000 });
    const slow = p.run(analyse('file:///slow.ipt'), Priority.open);
    const next = p.run(analyse('file:///next.ipt'), Priority.open);
    ready(ports[0]);
    const rejected = expect(slow.result).rejects.toEqual(new AnalysisStopped('time', 'took longer than 1 s'));
    await vi.advanceTimersByTimeAsync(1000);
    await rejected;
    expect(ports[0].terminated).toBe(true);
    expect(logs.join('\n')).toMatch(/ran past the time budget of 1 s/);
    // A spare started at 200 ms takes the next job.
    const fresh = ports.find((port) => !port.terminated)!;
    ready(fresh);
    expect(fresh.current()!.job).toMatchObject({ uri: 'file:///next.ipt' });
    finish(fresh, 'next done');
    expect(await next.result).toBe('next done');
  });

  test('a spare worker starts once a job has run 200 ms, and takes the next job while the slow one runs', async () => {
    const p = pool();
    p.run(analyse('file:///slow.ipt'), Priority.open);
    ready(ports[0]);
    await vi.advanceTimersByTimeAsync(199);
    expect(ports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ports).toHaveLength(2);
    ready(ports[1]);
    const other = p.run(analyse('file:///other.ipt'), Priority.request);
    expect(ports[1].current()!.job).toMatchObject({ uri: 'file:///other.ipt' });
    finish(ports[1], 'answered');
    expect(await other.result).toBe('answered');
    expect(ports[0].terminated).toBe(false);
  });

  test('one validation at a time: an open plan gets the other worker', async () => {
    const p = pool();
    p.run(validate(50), Priority.workspace);
    ready(ports[0]);
    await vi.advanceTimersByTimeAsync(200); // the batch runs long: a spare starts
    ready(ports[1]);
    const second = p.run(validate(50), Priority.workspace);
    expect(ports[1].current()).toBeUndefined(); // the second batch waits for the first
    const open = p.run(analyse('file:///open.ipt'), Priority.open);
    expect(ports[1].current()!.job).toMatchObject({ uri: 'file:///open.ipt' });
    finish(ports[1]);
    await open.result;
    void second;
  });

  test('each plan of a validation has its own budget', async () => {
    const p = pool({ budgetMs: 1000 });
    const job = p.run(validate(3), Priority.workspace, () => undefined);
    ready(ports[0]);
    const id = ports[0].current()!.id;
    for (let index = 0; index < 3; index++) {
      await vi.advanceTimersByTimeAsync(900);
      ports[0].reply({ kind: 'partial', id, value: { index, diagnostics: [] } });
    }
    ports[0].reply({ kind: 'result', id, value: null });
    expect(await job.result).toBeNull();
    expect(ports[0].terminated).toBe(false);
  });

  test('a worker out of memory rejects its job with the limit; the server goes on', async () => {
    const p = pool();
    const greedy = p.run(analyse('file:///greedy.ipt'), Priority.open);
    ready(ports[0]);
    ports[0].exit({ message: 'Worker terminated due to reaching memory limit: JS heap out of memory', outOfMemory: true });
    await expect(greedy.result).rejects.toEqual(new AnalysisStopped('memory', 'needed more than 512 MB of memory'));
    const next = p.run(analyse('file:///next.ipt'), Priority.open);
    ready(ports[1]);
    finish(ports[1], 'ok');
    expect(await next.result).toBe('ok');
  });

  test('idle workers retire: a spare after 10 s, the last after 60 s; the next job starts one again', async () => {
    const p = pool();
    p.run(analyse('file:///slow.ipt'), Priority.open);
    ready(ports[0]);
    await vi.advanceTimersByTimeAsync(200);
    ready(ports[1]);
    finish(ports[0]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ports.filter((port) => port.terminated)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(50_000);
    expect(ports.every((port) => port.terminated)).toBe(true);
    p.run(analyse('file:///again.ipt'), Priority.open);
    expect(ports).toHaveLength(3);
  });

  test('a worker that cannot start: jobs run on this thread, and the log says so once', async () => {
    const p = pool({
      start: () => {
        throw new Error('no Worker here');
      },
    });
    const job = p.run(analyse('file:///a.ipt'), Priority.open);
    expect(ports[0].description).toBe('this thread, in slices');
    ready(ports[0]);
    finish(ports[0], 'sliced');
    expect(await job.result).toBe('sliced');
    expect(logs.filter((line) => /not available here: it could not start \(Error: no Worker here\)/.test(line))).toHaveLength(1);
  });

  test('every new worker gets the setup and the latest config files before its first job', () => {
    const p = pool();
    p.configure({ kind: 'setup', slow: { marker: 'x', ms: 5 } });
    p.configChanged({ kind: 'config', files: [{ uri: 'file:///.iptrc.json', text: '{}' }] });
    p.run(analyse('file:///a.ipt'), Priority.open);
    expect(ports[0].sent.map((m) => m.kind)).toEqual(['setup', 'config']);
    ready(ports[0]);
    expect(ports[0].sent.map((m) => m.kind)).toEqual(['setup', 'config', 'job']);
  });
});
