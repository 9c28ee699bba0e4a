// Types for start-command.mjs, which stays plain JavaScript so `npm start` needs no build.
export declare const TSX_NODE_ARGS: string[];
export declare function serviceCommand(options: { root: string; dir: string; built: boolean; nodePath: string }): {
  command: string;
  args: string[];
  env: Record<string, string>;
  entry: string;
};
