import type { DepartmentUsage, SandboxQuota } from './SandboxPool';

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  calls: number;
  cpuMs: number;
  refused: number;
}

/**
 * Per-department quota over fixed one-minute windows: a call is admitted (and counted) only while
 * the department is under both its calls and its CPU milliseconds for the current minute, so a
 * department whose plugin loops uses up its own minute and nobody else's. CPU is the guest's run
 * time as the worker measured it (brokered HTTP waits excluded).
 */
export class QuotaWindows {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly quota: SandboxQuota,
    private readonly now: () => number,
  ) {}

  private current(departmentCode: string): Window {
    const now = this.now();
    let window = this.windows.get(departmentCode);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, calls: 0, cpuMs: 0, refused: 0 };
      this.windows.set(departmentCode, window);
    }
    return window;
  }

  /** Counts the call and answers true, or counts a refusal and answers false. */
  admit(departmentCode: string): boolean {
    const window = this.current(departmentCode);
    if (window.calls >= this.quota.callsPerMinute || window.cpuMs >= this.quota.cpuMsPerMinute) {
      window.refused += 1;
      return false;
    }
    window.calls += 1;
    return true;
  }

  charge(departmentCode: string, cpuMs: number): void {
    this.current(departmentCode).cpuMs += cpuMs;
  }

  usage(): DepartmentUsage[] {
    return [...this.windows.keys()].sort().map((departmentCode) => {
      const { calls, cpuMs, refused } = this.current(departmentCode);
      return { departmentCode, calls, cpuMs: Math.round(cpuMs * 10) / 10, refused };
    });
  }
}
