export * from './database.js';
export * from './client.js';
export * from './auth.js';
export * from './stack.js';
export * from './fixtures.js';
export * from './migrations.js';
export * from './mail.js';
export * from './main-process.js';
