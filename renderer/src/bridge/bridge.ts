import type { Api } from '../../../app/shared/contract.ts';

/** The workspace's only way to reach the core; the desktop and the browser each provide one. */
export type Bridge = Api;

export type { Api };
