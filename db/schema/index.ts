export * from './organizations';
export * from './structure';
export * from './people';
export * from './goal';
export * from './plans';
export * from './weekly';
export * from './metrics';
export * from './accounts';
