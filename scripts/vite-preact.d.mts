import type { Alias } from 'vite';

export declare const WITH_SELECTOR: Alias;
export declare const PREACT_ALIASES: Alias[];
