// Filled in with the exchange module.
export async function runImportBench(_lines: string[], _options: { runs: number }): Promise<void> {}
