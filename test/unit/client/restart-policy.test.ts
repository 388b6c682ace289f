import { describe, expect, it } from 'vitest';
import { RestartPolicy } from '../../../client/src/restart-policy.js';

describe('RestartPolicy: restart a crashed server, say so once', () => {
  it('restarts and tells the user on the first crash only', () => {
    const policy = new RestartPolicy(5, 180_000);
    expect(policy.onCrash(0)).toEqual({ restart: true, tellUser: true });
    expect(policy.onCrash(1_000)).toEqual({ restart: true, tellUser: false });
    expect(policy.onCrash(2_000)).toEqual({ restart: true, tellUser: false });
  });

  it('gives up (and tells the user) on the fifth crash within the window', () => {
    const policy = new RestartPolicy(5, 180_000);
    for (let i = 0; i < 4; i++) expect(policy.onCrash(i * 1_000).restart).toBe(true);
    expect(policy.onCrash(5_000)).toEqual({ restart: false, tellUser: true });
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy(3, 60_000);
    policy.onCrash(0);
    policy.onCrash(10_000);
    expect(policy.onCrash(100_000).restart).toBe(true); // the first two have aged out
    expect(policy.onCrash(110_000).restart).toBe(true);
    expect(policy.onCrash(120_000).restart).toBe(false);
  });

  it('starts afresh after a manual restart', () => {
    const policy = new RestartPolicy(2, 60_000);
    policy.onCrash(0);
    expect(policy.onCrash(1).restart).toBe(false);
    policy.reset();
    expect(policy.onCrash(2)).toEqual({ restart: true, tellUser: true });
  });
});
