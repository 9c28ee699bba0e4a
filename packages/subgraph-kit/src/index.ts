import 'reflect-metadata';

export * from './errors.js';
export * from './env.js';
export * from './logger.js';
export * from './database.js';
export * from './migrations.js';
export * from './federation.js';
export * from './clock.js';
export * from './context.js';
export * from './loaders.js';
export * from './demo.js';
export * from './definition.js';
export * from './define-subgraph.js';
export * from './server.js';
export * from './scoped-access.js';
export * from './main.js';
export * from './peers.js';
export * from './business-calendar.js';
