// Types for scripts/validator-code.mjs (plain JavaScript, run by the CLI's build), for the test that checks its code.
export declare const validatorFolder: string;
export declare const VALIDATOR_VERSIONS: string[];
export declare function validatorCode(version: string, options: Record<string, unknown>): string;
