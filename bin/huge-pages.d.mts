// Types of bin/huge-pages.mjs for the tests and benchmarks that import it.
export function hugePageMode(): string | undefined;
export function hugePageTunables(env?: Record<string, string | undefined>, mode?: string | null): string | undefined;
export function restartWithHugePages(): void;
