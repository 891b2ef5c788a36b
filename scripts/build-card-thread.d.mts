/** Builds the impact card thread beside the production build (scripts/build-card-thread.mjs). */
export function buildCardThread(): void;
export function cardThreadPath(): string;
