// Types of chromium-flags.mjs, for playwright.config.ts.
export declare const SYSTEM_CHROMIUM: string
export declare function chromiumExecutablePath(): string | undefined
export declare const CHROMIUM_ARGS: readonly string[]
