// Types for start-bundle.mjs, which stays plain JavaScript so `npm start` needs no build.
export declare function bundlePath(root: string, dir: string): string;
export declare function bundleServices(options: { root: string; dirs: string[] }): Promise<string[]>;
