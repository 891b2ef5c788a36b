// Types of forwarded.mjs (plain JavaScript, so scripts/server.mjs can run it without a build).

export declare const CLIENT_ADDRESS_HEADER: 'x-touchpoint-client-address';
export declare const FORWARDED_HOST_HEADER: 'x-touchpoint-forwarded-host';
export declare const FORWARDED_PROTO_HEADER: 'x-touchpoint-forwarded-proto';

export interface TrustedProxies {
  /** Whether this (normalised) address is a trusted proxy. */
  has(address: string | null): boolean;
  /** How many entries the setting lists. */
  size: number;
}

export declare function normaliseAddress(text: string | undefined | null): string | null;
export declare function parseTrustedProxies(text: string | undefined): TrustedProxies;
export declare function resolveClientAddress(request: {
  peer: string | undefined;
  forwardedFor: string | string[] | undefined;
  trusted: TrustedProxies;
}): string;

/** Marks this process as served by our server (frontDoor does it). */
export declare function markFrontDoor(): void;
/** Whether our server prepares every request of this process; without it our headers may come from a client. */
export declare function behindFrontDoor(): boolean;
