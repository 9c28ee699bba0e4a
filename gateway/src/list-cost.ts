import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { gatewayRefusals } from './refusals/refusals.js';

/** Items assumed for a list field without `first`/`last` (a page a client would show). */
export const DEFAULT_LIST_SIZE = 20;
/** Items assumed when `first`/`last` is a variable: the subgraphs' largest page (cards, support: 100). */
export const MAX_LIST_SIZE = 100;

/**
 * The cost of an operation counting list sizes: each field costs 1 per time it can be resolved,
 * and everything under a list field is multiplied by the items it may return: its `first` or
 * `last` argument, or the one on the connection field above it (`cards(first: 5) { nodes }`),
 * else DEFAULT_LIST_SIZE. graphql-armor's estimate ignored list sizes, so 30 aliases of a nested
 * list query passed as cheap. Types come from `shapes` (the supergraph built by this module's
 * graphql; see useClientMistakeChecks). Counting stops past `stopAbove`, so a hostile document
 * cannot make the count itself expensive.
 */
export function listCost(shapes: GraphQLSchema, selectionSet: SelectionSetNode, root: GraphQLCompositeType, fragments: ReadonlyMap<string, FragmentDefinitionNode>, stopAbove: number): number {
  let total = 0;
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, pendingSize: number | undefined, spreads: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (total > stopAbove) return;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? shapes.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) walk(selection.selectionSet, condition, multiplier, pendingSize, spreads);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && shapes.getType(fragment.typeCondition.name.value);
        if (fragment && condition && isCompositeType(condition) && !spreads.has(fragment.name.value)) {
          walk(fragment.selectionSet, condition, multiplier, pendingSize, new Set([...spreads, fragment.name.value]));
        }
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) continue; // __typename is free; introspection is answered by the gateway itself
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!field) continue; // unknown fields are validation's to report
      total += multiplier;
      if (!selection.selectionSet) continue;
      const type = getNamedType(field.type);
      if (!isCompositeType(type)) continue;
      const size = pageSize(selection);
      if (isListType(getNullableType(field.type))) {
        walk(selection.selectionSet, type, multiplier * (size ?? pendingSize ?? DEFAULT_LIST_SIZE), undefined, spreads);
      } else {
        walk(selection.selectionSet, type, multiplier, size, spreads);
      }
    }
  };
  walk(selectionSet, root, 1, undefined, new Set());
  return total;
}

/** The page size a field asks for: `first` or `last` as a literal, MAX_LIST_SIZE when it is a variable. */
function pageSize(field: FieldNode): number | undefined {
  const argument = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!argument) return undefined;
  return literalSize(argument.value);
}

function literalSize(value: ValueNode): number {
  if (value.kind === Kind.INT) return Math.max(0, Math.min(Number(value.value), Number.MAX_SAFE_INTEGER));
  // a variable (unknown while validating, which Yoga caches per document) or a value the subgraph will refuse
  return MAX_LIST_SIZE;
}

/** The rule, named: Yoga caches validation results by rule name. `currentShapes` follows supergraph reloads. */
export function listCostRule(currentShapes: () => GraphQLSchema, maxCost: number): ValidationRule {
  const rule: ValidationRule = (context) => {
    const shapes = currentShapes();
    const document = context.getDocument();
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return {
      OperationDefinition(node) {
        const root = node.operation === 'query' ? shapes.getQueryType() : node.operation === 'mutation' ? shapes.getMutationType() : shapes.getSubscriptionType();
        if (!root) return;
        const cost = listCost(shapes, node.selectionSet, root, fragments, maxCost);
        if (cost <= maxCost) return;
        // I1: cached with the document, written in each caller's language as the answer leaves
        context.reportError(
          gatewayRefusals.refuse('queryTooCostly', undefined, { cost, max: maxCost, listSize: DEFAULT_LIST_SIZE }, { nodes: [node], extensions: { limit: 'maxCost', max: maxCost, cost } }),
        );
      },
    };
  };
  return Object.defineProperty(rule, 'name', { value: 'ListCostRule' });
}
