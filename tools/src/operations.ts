import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import ts from 'typescript';

/** One client operation the schema must keep serving, with where it was found. */
export interface ClientOperation {
  /** `VIEWER (anonymous query { viewer })`, or the operation's own name when it has one. */
  name: string;
  /** `test/e2e/viewer.test.ts:6`: where to look when it breaks. */
  location: string;
  document: DocumentNode;
}

/**
 * Where the corpus comes from: the e2e tests' operations, the typed client's documents (what the
 * apps send; also the gateway's trusted documents) and any `.graphql` file under operations/.
 */
export const OPERATION_SOURCES = ['test/e2e', 'packages/client/operations', 'gateway/sandbox', 'operations'];

const LOOKS_LIKE_OPERATION = /^\s*(#[^\n]*\n\s*)*(query|mutation|subscription|fragment|\{)/;

function describe(operation: OperationDefinitionNode, label: string | undefined): string {
  if (operation.name) return operation.name.value;
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  const shape = `anonymous ${operation.operation} { ${fields.join(' ')} }`;
  return label ? `${label} (${shape})` : shape;
}

/** The operations in one GraphQL document; each keeps the document's fragments. */
export function operationsOf(document: DocumentNode, location: string, label?: string): ClientOperation[] {
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [{ name: describe(definition, label), location, document: { ...document, definitions: [definition, ...fragments] } }] : [],
  );
}

interface FoundLiteral {
  text: string;
  line: number;
  /** The constant it is assigned to (`const VIEWER = ...`), which names an anonymous operation. */
  label?: string;
  /** True when a `${...}` part is not a constant of the same file (filled with `0` to check the rest). */
  interpolated: boolean;
}

/**
 * Every string and template literal in a TypeScript file, found with the TypeScript parser.
 * The e2e tests write their operations as plain literals (`mutation($input: ...) {...}`), not
 * with gql tags or magic comments, which is all graphql-tag-pluck recognises; so the literals
 * are found here and graphql-js decides which are operations.
 */
function literalsIn(path: string, code: string): FoundLiteral[] {
  const file = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: FoundLiteral[] = [];
  // `const TICKET_FIELDS = \`id status\``: such constants are spliced into operations by name
  const constants = new Map<string, string>();
  const labelOf = (node: ts.Node): string | undefined => {
    const parent = node.parent;
    return parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  };
  const visit = (node: ts.Node): void => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const label = labelOf(node);
      if (label) constants.set(label, node.text);
      found.push({ text: node.text, line, label, interpolated: false });
    } else if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      let interpolated = false;
      for (const span of node.templateSpans) {
        const known = ts.isIdentifier(span.expression) ? constants.get(span.expression.text) : undefined;
        if (known === undefined) interpolated = true;
        // a runtime value (an id in quotes, a number) becomes 0: the shape of the operation is still checked
        text += (known ?? '0') + span.literal.text;
      }
      const label = labelOf(node);
      if (label && !interpolated) constants.set(label, text);
      found.push({ text, line, label, interpolated });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

async function filesUnder(dir: string): Promise<string[]> {
  if (/\.(ts|mts|graphql|gql)$/.test(dir)) return [dir];
  try {
    const entries = await readdir(dir, { recursive: true });
    // a gql/ folder is codegen output (test/e2e/gql): its operations are already read from the .graphql files
    return entries.filter((f) => /\.(ts|mts|graphql|gql)$/.test(f) && !f.includes('node_modules') && !/(^|[\\/])gql[\\/]/.test(f)).map((f) => join(dir, f)).sort();
  } catch {
    return [];
  }
}

/**
 * Collects the client operations: every literal in the e2e tests that parses as a GraphQL
 * operation, and every operation in operations/*.graphql. A literal built with `${...}` that
 * does not parse even with its run-time parts filled in is listed in `skipped`.
 */
export async function collectClientOperations(root: string, sources = OPERATION_SOURCES): Promise<{ operations: ClientOperation[]; skipped: string[] }> {
  const operations: ClientOperation[] = [];
  const skipped: string[] = [];
  for (const source of sources) {
    for (const file of await filesUnder(join(root, source))) {
      const text = await readFile(file, 'utf8');
      const path = relative(root, file);
      if (/\.(graphql|gql)$/.test(file)) {
        operations.push(...operationsOf(parse(text), path));
        continue;
      }
      for (const literal of literalsIn(file, text)) {
        if (!LOOKS_LIKE_OPERATION.test(literal.text)) continue;
        const location = `${path}:${literal.line}`;
        let document: DocumentNode;
        try {
          document = parse(literal.text);
        } catch {
          // built with ${...} in a place a placeholder cannot fill, or prose that starts like GraphQL
          if (literal.interpolated) skipped.push(`${location}: built with \${...} at run time, not checked`);
          continue;
        }
        operations.push(...operationsOf(document, location, literal.label));
      }
    }
  }
  return { operations, skipped };
}
