export * from './viewer.js';
export * from './keys.js';
export * from './jwt.js';
export * from './password.js';
export * from './totp.js';
export * from './gateway-credential.js';
export * from './secret-box.js';
export * from './dev-secret-file.js';
