import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { RefusalParams } from '@kyodo/subgraph-kit/refusals';
import { getVariableValues, GraphQLError, Kind, type ASTNode, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { gatewayRefusals, type GatewayRefusalKey } from './refusals/refusals.js';

/**
 * Client mistakes the query planner would otherwise turn into INTERNAL_SERVER_ERROR (or answer
 * without a code): each is refused here, before planning, with a code from the catalog and a
 * message that says what to change. Rules are named functions: Yoga caches validation by rule name.
 */

/** Yoga's marker for request errors: 400 under application/graphql-response+json, 200 under application/json (GraphQL over HTTP). */
const REQUEST_ERROR_HTTP = { spec: true, status: 400 } as const;

/** I1: cached with the document, written in each caller's language as the answer leaves (request-language.ts). */
function invalid(refusal: GatewayRefusalKey, params: RefusalParams, nodes: readonly ASTNode[]): GraphQLError {
  return gatewayRefusals.refuse(refusal, undefined, params, { nodes });
}

/** `subscription { ... }` (or `mutation`) against a schema without that root type: graphql-js 16 only notices when executing. */
export const SupportedOperationTypeRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) context.reportError(invalid('operationTypeUnsupported', { operation: node.operation }, [node]));
  },
});

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** Root field names of an operation, through inline fragments and fragment spreads. */
function rootFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): { name: string; node: ASTNode }[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [{ name: selection.name.value, node: selection }];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

/**
 * The gateway answers schema introspection itself and plans everything else across the
 * subgraphs; the planner cannot do both in one operation ("No paths found for selection item:
 * __schema"). Refused with a clear reason instead of a 500.
 */
export const IntrospectionAloneRule: ValidationRule = (context) => {
  const fragments = new Map(
    context
      .getDocument()
      .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      const fields = rootFields(node.selectionSet, fragments);
      const introspection = fields.filter((f) => INTROSPECTION_ROOTS.has(f.name));
      const ordinary = fields.filter((f) => !INTROSPECTION_ROOTS.has(f.name) && f.name !== '__typename');
      if (introspection.length > 0 && ordinary.length > 0) {
        context.reportError(
          invalid(
            'introspectionAlone',
            { introspection: [...new Set(introspection.map((f) => f.name))].join(', '), fields: [...new Set(ordinary.map((f) => f.name))].slice(0, 5).join(', ') },
            introspection.map((f) => f.node),
          ),
        );
      }
    },
  };
};

/**
 * Variable values are checked against their declared types before the plan runs, the way
 * graphql-js's execute does, but as BAD_USER_INPUT: the planner reports them without any code.
 * `shapes()` is the current supergraph built by this module's copy of graphql: the engine's schema may come
 * from another copy (ESM/CJS), and graphql-js refuses types "from another module or realm".
 */
function useVariableCheck(shapes: () => GraphQLSchema): GatewayPlugin {
  // the same check for subscriptions: Yoga runs them through onSubscribe, never onExecute
  const check = ({ args, setResultAndStopExecution }: { args: { document: DocumentNode; operationName?: string | null; variableValues?: unknown }; setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void }) => {
    const operation = args.document.definitions.find(
      (d: DefinitionNode): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (args.operationName == null || d.name?.value === args.operationName),
    );
    if (!operation?.variableDefinitions?.length) return;
    const coerced = getVariableValues(shapes(), operation.variableDefinitions, (args.variableValues ?? {}) as Record<string, unknown>, { maxErrors: 25 });
    if (!coerced.errors) return;
    setResultAndStopExecution({
      // graphql-js's own texts (which variable, which type), in English like every protocol error it
      // writes (parse and validation: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED); not refusals of ours
      errors: coerced.errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', http: REQUEST_ERROR_HTTP } })),
    });
  };
  return { onExecute: check, onSubscribe: check };
}

export function useClientMistakeChecks(shapes: () => GraphQLSchema): GatewayPlugin[] {
  return [
    {
      onValidate({ addValidationRule }) {
        addValidationRule(SupportedOperationTypeRule);
        addValidationRule(IntrospectionAloneRule);
      },
    },
    useVariableCheck(shapes),
  ];
}
