export function createBinding(): Record<string, unknown> { return {}; }
