export * from './organizations';
export * from './structure';
export * from './people';
