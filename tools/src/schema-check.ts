import { printSchema, Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { composeSupergraphFromSdl, CompositionError, type SubgraphSource } from '@kyodo/gateway';
import { buildSchema, validate, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import type { UsageEntry } from '@kyodo/gateway';
import type { ClientOperation } from './operations.js';
import { clientsUsing, describeClientUse, usageCoordinateOf, type ClientUse } from './schema-usage.js';

/** A deliberate breaking change, recorded in schema-approvals.json with why it is acceptable. */
export interface SchemaApproval {
  /** The schema coordinate the change is at, as the check prints it (`User.cardCount`). */
  path: string;
  /** Optionally only this kind of change (`FIELD_REMOVED`); without it any change at the path. */
  change?: string;
  reason: string;
}

export const schemaApprovalsFileSchema = z.object({
  $comment: z.string().optional(),
  approvals: z.array(
    z.object({
      path: z.string().min(1),
      change: z.string().optional(),
      reason: z.string().min(10, 'say why this break is acceptable (who was told, what replaces it)'),
    }),
  ),
});

export interface SchemaCheckInput {
  /** Each subgraph's published schema. */
  sources: SubgraphSource[];
  /** The supergraph to compare with (main's), and where it came from; none: only composition and operations. */
  baseline?: { sdl: string; label: string };
  operations: ClientOperation[];
  approvals: SchemaApproval[];
  /** Operations that could not be checked, to print. */
  skippedOperations?: string[];
  /**
   * What the gateways recorded (the registry's store): with it, each breaking change names the
   * clients that used it in the window, and only used ones fail unless `failOnUnused`.
   */
  usage?: { entries: UsageEntry[]; days: number; failOnUnused?: boolean };
}

export interface CheckedChange {
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  type: string;
  path: string;
  message: string;
  /** What to do about it. */
  advice?: string;
  approval?: SchemaApproval;
  /** With usage: the clients that used it in the window ([] none); undefined when usage cannot tell. */
  usedBy?: ClientUse[];
}

export interface BrokenOperation {
  operation: ClientOperation;
  errors: string[];
}

export interface SchemaCheckResult {
  ok: boolean;
  supergraphSdl?: string;
  compositionErrors: string[];
  changes: CheckedChange[];
  brokenOperations: BrokenOperation[];
  /** The report, one line per entry, as `npm run schema:check` prints it. */
  lines: string[];
}

/**
 * What clients see: the supergraph without federation's join machinery and @inaccessible parts.
 * Passed on as SDL, not as federation-internals' schema object: that package is CommonJS and
 * holds its own copy of graphql-js, whose objects the ESM copy refuses ("another realm").
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()));
}

/** Root fields only a subgraph answers (the gateway's own calls); an operation of these targets a subgraph, not the supergraph. */
const SUBGRAPH_ONLY_FIELDS = new Set(['_service', '_entities']);

function targetsSubgraph(operation: ClientOperation): boolean {
  return operation.document.definitions.some(
    (d) => d.kind === 'OperationDefinition' && d.selectionSet.selections.some((s) => s.kind === 'Field' && SUBGRAPH_ONLY_FIELDS.has(s.name.value)),
  );
}

function adviceFor(change: Change): string {
  const path = change.path ?? '?';
  const approve = `to break it on purpose, add {"path": "${path}", "reason": "..."} to schema-approvals.json`;
  switch (change.type) {
    case 'FIELD_REMOVED':
      return `clients that select ${path} will fail: keep it and mark it @deprecated(reason: "use ... instead") until no client uses it; ${approve}`;
    case 'TYPE_REMOVED':
    case 'ENUM_VALUE_REMOVED':
    case 'UNION_MEMBER_REMOVED':
    case 'OBJECT_TYPE_INTERFACE_REMOVED':
      return `clients that use ${path} will fail: deprecate it first and remove it once no client uses it; ${approve}`;
    case 'FIELD_TYPE_CHANGED':
    case 'FIELD_ARGUMENT_TYPE_CHANGED':
    case 'INPUT_FIELD_TYPE_CHANGED':
      return `clients written against the old type can fail (a field that may now be null, an argument they send in the old type): add a new field or argument with the new type and deprecate this one; ${approve}`;
    case 'FIELD_ARGUMENT_ADDED':
    case 'INPUT_FIELD_ADDED':
      return `existing clients do not send it: make it optional or give it a default value; ${approve}`;
    case 'FIELD_ARGUMENT_REMOVED':
    case 'INPUT_FIELD_REMOVED':
      return `clients that still send it get a validation error: keep accepting it (deprecated) until no client sends it; ${approve}`;
    default:
      return `check which clients depend on ${path}; ${approve}`;
  }
}

function usedBySummary(changes: CheckedChange[]): string {
  const clients = [...new Set(changes.flatMap((c) => (c.usedBy ?? []).map((u) => (u.client.version ? `${u.client.name} ${u.client.version}` : u.client.name))))];
  return clients.length > 0 ? ` used by ${clients.join(', ')}` : '';
}

function approvalFor(change: Change, approvals: SchemaApproval[]): SchemaApproval | undefined {
  return approvals.find((a) => a.path === change.path && (a.change === undefined || a.change === change.type));
}

/**
 * The schema check (`npm run schema:check`, and a test in `npm test`): the published schemas
 * must compose; every breaking change against main's supergraph must be approved with a reason;
 * and every known client operation must still validate against the new supergraph.
 */
export async function checkSchema(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const lines: string[] = [`Composing ${input.sources.map((s) => s.name).join(', ')} from their published schemas`];
  let supergraphSdl: string;
  try {
    supergraphSdl = composeSupergraphFromSdl(input.sources);
  } catch (error) {
    const problems = error instanceof CompositionError ? error.problems : [error instanceof Error ? error.message : String(error)];
    lines.push(`✗ composition failed with ${problems.length} error(s):`, ...problems.map((p) => `    ${p}`), 'Result: FAILED (the subgraphs do not compose)');
    return { ok: false, compositionErrors: problems, changes: [], brokenOperations: [], lines };
  }
  const schema = apiSchemaOf(supergraphSdl);

  const baselineSchema = input.baseline ? apiSchemaOf(input.baseline.sdl) : undefined;
  const changes: CheckedChange[] = [];
  if (input.baseline && baselineSchema) {
    const found = await diff(baselineSchema, schema);
    for (const change of found) {
      const level = change.criticality.level as CheckedChange['level'];
      const approval = level === CriticalityLevel.Breaking ? approvalFor(change, input.approvals) : undefined;
      const coordinate = input.usage && level === CriticalityLevel.Breaking ? usageCoordinateOf(change.type, change.path ?? '') : undefined;
      changes.push({
        level,
        type: change.type,
        path: change.path ?? '',
        message: change.message,
        advice: level === CriticalityLevel.NonBreaking ? undefined : level === CriticalityLevel.Dangerous ? change.criticality.reason ?? 'clients may behave differently' : adviceFor(change),
        approval,
        ...(coordinate !== undefined ? { usedBy: clientsUsing(input.usage!.entries, coordinate) } : {}),
      });
    }
    lines.push(`Changes against ${input.baseline.label}: ${changes.length === 0 ? 'none' : changes.length}`);
    for (const change of changes) {
      const mark = change.level === 'BREAKING' ? (change.approval ? '✓' : '✗') : change.level === 'DANGEROUS' ? '!' : ' ';
      lines.push(`  ${mark} ${change.level.padEnd(12)} ${change.path}: ${change.message}`);
      if (change.usedBy && change.usedBy.length > 0) {
        lines.push(`      used in the last ${input.usage!.days} days by:`, ...change.usedBy.map((use) => `        ${describeClientUse(use)}`));
      } else if (change.usedBy) {
        lines.push(`      no recorded use in the last ${input.usage!.days} days${input.usage!.failOnUnused ? '' : ' (not failing: --fail-on-unused to fail anyway)'}`);
      } else if (input.usage && change.level === 'BREAKING') {
        lines.push('      usage not recorded for this kind of change: treated as used');
      }
      if (change.approval) lines.push(`      approved in schema-approvals.json: ${change.approval.reason}`);
      else if (change.advice) lines.push(`      → ${change.advice}`);
    }
    for (const approval of input.approvals) {
      if (!changes.some((c) => c.approval === approval)) lines.push(`  note: the approval for ${approval.path} matches no change any more; remove it from schema-approvals.json`);
    }
  } else {
    lines.push('No baseline supergraph: breaking changes not checked');
  }

  // An operation the baseline already refuses is not a client this change breaks: the e2e
  // tests send some invalid ones on purpose (to see the refusal); they are counted, not failed.
  const brokenOperations: BrokenOperation[] = [];
  let alreadyInvalid = 0;
  const clientOperations = input.operations.filter((operation) => !targetsSubgraph(operation));
  for (const operation of clientOperations) {
    const errors = validate(schema, operation.document).map((e) => e.message);
    if (errors.length === 0) continue;
    if (baselineSchema && validate(baselineSchema, operation.document).length > 0) {
      alreadyInvalid += 1;
      continue;
    }
    brokenOperations.push({ operation, errors });
  }
  lines.push(
    `Client operations: ${clientOperations.length} checked, ${brokenOperations.length} broken${alreadyInvalid > 0 ? ` (${alreadyInvalid} invalid before this change too, on purpose: not counted)` : ''}`,
  );
  for (const { operation, errors } of brokenOperations) {
    lines.push(`  ✗ operation ${operation.name} (${operation.location}) no longer validates:`, ...errors.map((e) => `      ${e}`));
  }
  for (const skipped of input.skippedOperations ?? []) lines.push(`  note: ${skipped}`);

  // with usage, a break no client used in the window passes (unless failOnUnused)
  const unapproved = changes.filter((c) => c.level === 'BREAKING' && !c.approval && (input.usage?.failOnUnused || c.usedBy === undefined || c.usedBy.length > 0));
  const ok = unapproved.length === 0 && brokenOperations.length === 0;
  const why = [
    unapproved.length > 0 ? `${unapproved.length} unapproved breaking change(s)${input.usage ? usedBySummary(unapproved) : ''}` : '',
    brokenOperations.length > 0 ? `${brokenOperations.length} broken client operation(s): ${brokenOperations.map((b) => b.operation.name).join(', ')}` : '',
  ].filter(Boolean);
  lines.push(ok ? 'Result: passed' : `Result: FAILED (${why.join('; ')})`);
  return { ok, supergraphSdl, compositionErrors: [], changes, brokenOperations, lines };
}
