import { documentStringMap } from '@envelop/core';
import { QueryPlanner, type FetchNode, type QueryPlan } from '@graphql-hive/router-query-planner';
import type { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { getVariableValues } from '@graphql-tools/executor';
import { createGraphQLError, relocatedError, type ExecutionRequest, type ExecutionResult, type Executor } from '@graphql-tools/utils';
import { handleMaybePromise } from '@whatwg-node/promise-helpers';
import {
  BREAK,
  buildASTSchema,
  getNamedType,
  getOperationAST,
  isAbstractType,
  type GraphQLError,
  isEnumType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type OperationTypeNode,
} from 'graphql';

type UnifiedGraphHandler = typeof unifiedGraphHandler;
type HandlerOptions = Parameters<UnifiedGraphHandler>[0];

/** How an operation on one subgraph is sent: the planner's own fetch, as the query plan would send it. */
interface SingleFetch {
  fetch: FetchNode;
  /** The fetch's operation parsed once (no locations, its text remembered for the HTTP executor's print, as Hive does). */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Where an error without a path is placed: the first root field's response key (Hive's default error path). */
  defaultPath: readonly string[];
  /** The client's operation this fetch answers. */
  clientOperation: OperationDefinitionNode;
}

/** An operation the single-subgraph path served: the client's document and operation, and the fetch that answered it. */
export interface TakenOperation {
  document: DocumentNode;
  operationName: string | undefined;
  operation: OperationDefinitionNode;
  fetch: FetchNode;
  /** The supergraph the decision was made on (requests still draining on a replaced one report theirs). */
  supergraph: string;
}

/** An operation the plan executor runs whose document passed the same checks (object types only...): its plan, for the lane. */
export interface PlannedOperation {
  document: DocumentNode;
  operationName: string | undefined;
  operation: OperationDefinitionNode;
  plan: QueryPlan;
  supergraph: string;
}

/** A query whose plan is more than one fetch, on a document the projection check let through. */
interface PlanOnly {
  kind: 'plan';
  plan: QueryPlan;
  clientOperation: OperationDefinitionNode;
}

type Decision = SingleFetch | PlanOnly | null;

/** Per document: per operation name, the single fetch, or the plan (null: nothing to remember) when the query plan is needed. */
type Decisions = WeakMap<DocumentNode, Map<string, Decision | Promise<Decision>>>;

export interface SingleSubgraphPathOptions {
  /** Off: every operation goes through the query plan's executor (tests compare both). Default on. */
  enabled?: boolean;
  /** Called for each operation sent through the single-subgraph path (a metric; the lane remembers it). */
  onTaken?(subgraphName: string, taken: TakenOperation): void;
  /** Called for each query the plan executor runs whose document passed the checks, with its plan (the lane may serve it next time). */
  onPlanned?(planned: PlannedOperation): void;
}

/**
 * Directives in a supergraph that make the query plan's executor do more than pass one fetch's
 * answer through: progressive override (a plan chosen per request), Hive/Mesh source directives
 * (per-subgraph transforms), pub/sub operations. A supergraph with any of them runs every
 * operation through the query plan.
 */
const PLAN_ONLY_SUPERGRAPH = [/overrideLabel:\s*"/, /(?<!directive )@join__directive\(/, /@pubsubOperation|@pubsubPublish/, /the-guild\.dev\/graphql\/mesh/];

/**
 * The query plan's executor, with a shorter road for the common case (issue 21): a query whose
 * plan is exactly one fetch from one subgraph, with no entity step, no @requires and no rewrite,
 * is sent as that fetch (the same document, variables, headers, retry and hooks: the runtime's
 * own subgraph call, `onSubgraphExecute`) and the subgraph's answer is the result, where the
 * plan executor would build an execution context, merge the answer into it and project it onto
 * the operation again. For the operations let through here that projection returns the answer
 * unchanged: only object types (no interface or union, whose answers the projection filters by
 * `__typename`), no @inaccessible type or enum value (projected to null), no `__typename` the
 * planner added, no directive but @skip and @include (which the subgraph applies with the same
 * variables). Anything else, or any doubt, takes the plan. Errors are placed and wrapped exactly
 * as the plan executor does (its `normalizeFetchErrors` and `handleSubgraphExecutionError` for a
 * root fetch), and variables coerced against the same schema, so answers are byte for byte the
 * same (single-subgraph-path.test.ts runs each query both ways).
 *
 * Wraps the handler itself rather than a plugin's `setExecuteFn`: the handler is built again for
 * each supergraph (reloads), so its decisions are too, and it is handed the runtime's subgraph
 * call, which a plugin does not see.
 */
export function withSingleSubgraphPath(handler: UnifiedGraphHandler, options: SingleSubgraphPathOptions = {}): UnifiedGraphHandler {
  if (options.enabled === false) return handler;
  return async (opts: HandlerOptions) => {
    const result = await handler(opts);
    const planExecutor = result.executor;
    const sdl = opts.getUnifiedGraphSDL();
    if (!planExecutor || [...(result.overrideLabels ?? [])].length > 0 || PLAN_ONLY_SUPERGRAPH.some((pattern) => pattern.test(sdl))) return result;
    // a planner of our own for the decision (one per supergraph, ~3 MB): Hive's is not reachable;
    // both read the same SDL, and with no override label a plan depends on nothing else
    const planner = new QueryPlanner(sdl);
    // the types read in this module's graphql realm (the runtime's schema may be another copy's,
    // which graphql's type checks refuse); variables are coerced against the runtime's, as it does
    const shapes = buildASTSchema(parse(sdl), { assumeValidSDL: true });
    const schema = result.unifiedGraph;
    const decisions: Decisions = new WeakMap();
    const decide = (document: DocumentNode, operationName: string | undefined): Decision | Promise<Decision> => {
      let byName = decisions.get(document);
      if (!byName) decisions.set(document, (byName = new Map()));
      const key = operationName ?? '';
      const known = byName.get(key);
      if (known !== undefined) return known;
      // mutations and subscriptions keep the plan, and never wait for a planning of ours
      if (getOperationAST(document, operationName)?.operation !== 'query') {
        byName.set(key, null);
        return null;
      }
      const deciding = singleFetchOf(planner, shapes, document, operationName).then(
        (decision) => {
          byName.set(key, decision);
          return decision;
        },
        // a document the planner refuses is the plan executor's to refuse, in its words
        () => {
          byName.set(key, null);
          return null;
        },
      );
      byName.set(key, deciding);
      return deciding;
    };
    const executor = ((request: ExecutionRequest) => {
      const run = (decision: Decision) => {
        if (!decision) return planExecutor(request);
        if ('kind' in decision) {
          options.onPlanned?.({ document: request.document, operationName: request.operationName, operation: decision.clientOperation, plan: decision.plan, supergraph: sdl });
          return planExecutor(request);
        }
        options.onTaken?.(decision.fetch.serviceName, { document: request.document, operationName: request.operationName, operation: decision.clientOperation, fetch: decision.fetch, supergraph: sdl });
        return sendSingleFetch(opts.onSubgraphExecute, schema, request, decision);
      };
      const decision = decide(request.document, request.operationName);
      // the first request of a document waits for its decision (one planning, as the runtime's own first plan does)
      return decision instanceof Promise ? decision.then(run) : run(decision);
    }) as Executor;
    return { ...result, executor };
  };
}

/**
 * What the plan executor does for a plan of one root fetch (router-runtime's executeQueryPlan,
 * createQueryPlanExecutionContext and executeFetchPlanNode), without the projection, which for
 * these operations is the identity.
 */
function sendSingleFetch(onSubgraphExecute: HandlerOptions['onSubgraphExecute'], schema: GraphQLSchema, request: ExecutionRequest, single: SingleFetch): ReturnType<Executor> {
  const operation = getOperationAST(request.document, request.operationName);
  let variableValues = request.variables as Record<string, unknown> | undefined;
  if (operation?.variableDefinitions) {
    const coerced = getVariableValues(schema, operation.variableDefinitions, variableValues ?? {});
    if (coerced.errors?.length) {
      if (coerced.errors.length === 1) throw coerced.errors[0];
      throw new AggregateError(coerced.errors, 'Variable parsing error');
    }
    if (coerced.coerced) variableValues = coerced.coerced;
  }
  const { fetch, document, defaultPath } = single;
  const serviceName = fetch.serviceName;
  return handleMaybePromise(
    () =>
      onSubgraphExecute(serviceName, {
        document,
        variables: selectVariables(variableValues, fetch.variableUsages),
        operationType: (fetch.operationKind ?? single.operation.operation) as OperationTypeNode,
        operationName: fetch.operationName,
        extensions: request.extensions,
        rootValue: request.rootValue,
        context: request.context,
        subgraphName: serviceName,
        info: request.info,
        signal: request.signal,
      }) as ExecutionResult | Promise<ExecutionResult>,
    (answer) => {
      const result: ExecutionResult = {};
      const data = answer.data as Record<string, unknown> | null | undefined;
      // the plan executor leaves `data` out when nothing was merged into its (empty) data
      if (data && typeof data === 'object' && Object.keys(data).length > 0) result.data = data;
      if (answer.errors?.length) result.errors = answer.errors.map((error) => (error.path || defaultPath.length === 0 ? error : relocatedError(error, defaultPath)));
      return result;
    },
    (error: Error): ExecutionResult => ({
      errors: [
        isGraphQLError(error)
          ? (error as GraphQLError)
          : createGraphQLError(error.message, { originalError: error, extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName }, path: defaultPath.length ? defaultPath : undefined }),
      ],
    }),
  ) as ReturnType<Executor>;
}

function selectVariables(values: Record<string, unknown> | undefined, usages: readonly string[] | undefined): Record<string, unknown> | undefined {
  if (!values || !usages?.length) return undefined;
  const selected: Record<string, unknown> = Object.create(null);
  let any = false;
  for (const name of usages) {
    if (Object.prototype.hasOwnProperty.call(values, name)) {
      selected[name] = values[name];
      any = true;
    }
  }
  return any ? selected : undefined;
}

/** The one fetch that answers this operation as it stands, or null when the query plan must run. */
async function singleFetchOf(planner: QueryPlanner, schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Promise<Decision> {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return null;
  const typenames = passThroughTypenames(schema, document);
  if (typenames === null) return null;
  const plan = await planner.planAsync(documentStringMap.get(document) ?? print(document), operationName, new Set(), 0);
  const fetch = plan.node;
  if (!fetch) return null;
  if (fetch.kind !== 'Fetch') return { kind: 'plan', plan, clientOperation: operation };
  if (fetch.requires?.length || fetch.inputRewrites?.length || fetch.outputRewrites?.length || (fetch.operationKind && fetch.operationKind !== 'query')) return null;
  // a `__typename` the planner added is one the projection would remove
  if ((fetch.operation.match(/\b__typename\b/g) ?? []).length > typenames) return null;
  const fetchDocument = parse(fetch.operation, { noLocation: true });
  documentStringMap.set(fetchDocument, fetch.operation);
  const fetchOperation = getOperationAST(fetchDocument, fetch.operationName);
  if (!fetchOperation) return null;
  const root = fetchOperation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  const defaultPath = root && root.kind === Kind.FIELD ? [root.alias?.value ?? root.name.value] : [];
  return { fetch, document: fetchDocument, operation: fetchOperation, defaultPath, clientOperation: operation };
}

/** By tag, as the plan executor's `instanceof` would in its own realm (mask-errors.ts says why). */
const isGraphQLError = (error: unknown): boolean => error instanceof Error && Object.prototype.toString.call(error) === '[object GraphQLError]';

const marked = (node: { astNode?: { directives?: readonly { name: { value: string } }[] } | null }): boolean =>
  Boolean(node.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible'));

const isInaccessible = (type: GraphQLNamedType): boolean => marked(type) || (isEnumType(type) && type.getValues().some(marked));

/**
 * Whether the plan executor's projection of a subgraph's answer onto this document is the answer
 * itself: every selection on an object type, of a field that is not introspection and returns no
 * abstract or @inaccessible type (nor an enum with an @inaccessible value), with no directive but
 * @skip and @include. Returns how many `__typename` the document asks for, or null.
 */
function passThroughTypenames(schema: GraphQLSchema, document: DocumentNode): number | null {
  const typeInfo = new TypeInfo(schema);
  let typenames = 0;
  let passes = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive(node) {
        if (node.name.value === 'skip' || node.name.value === 'include') return undefined;
        passes = false;
        return BREAK;
      },
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !isObjectType(parent) || isInaccessible(parent)) passes = false;
        else if (node.name.value === '__typename') {
          // at the root it is answered by the gateway itself (an introspection-only operation)
          if (parent === schema.getQueryType()) passes = false;
          typenames++;
        } else if (node.name.value.startsWith('__') || !field) passes = false;
        else {
          const type = getNamedType(field.type);
          if (isAbstractType(type) || isInaccessible(type) || marked(field)) passes = false;
        }
        return passes ? undefined : BREAK;
      },
      InlineFragment() {
        if (isObjectType(typeInfo.getType())) return undefined;
        passes = false;
        return BREAK;
      },
      FragmentDefinition() {
        if (isObjectType(typeInfo.getType())) return undefined;
        passes = false;
        return BREAK;
      },
    }),
  );
  return passes ? typenames : null;
}
