/**
 * The import rules of docs/architecture.md, checked by `npm run lint` (dependency-cruiser).
 * There is no exception list: a new violation fails CI.
 */
const MODULES = '(identity|audit|departments|catalog|flows|calendar|laws|files|intake|cases|scheduler|plugins)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make layers meaningless and load order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schemas-is-the-bottom',
      severity: 'error',
      comment: 'schemas/ is the isomorphic package: it imports nothing of ours above it and no Node built-in.',
      from: { path: '^schemas/src' },
      to: { path: '^(platform|admin-ui|portal|plugins|tests|bench)/' },
    },
    {
      name: 'schemas-runs-in-browsers',
      severity: 'error',
      from: { path: '^schemas/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'kernel-imports-only-schemas',
      severity: 'error',
      comment: 'The kernel (context, Clock, Actor, errors, Route) is what every module may import; it imports no module.',
      from: { path: '^platform/src/kernel' },
      to: { path: '^platform/src/(?!kernel)' },
    },
    {
      name: 'modules-do-not-import-the-web-face-or-composition',
      severity: 'error',
      comment:
        'Domain modules know nothing of http/, server/, infra/ or the CLI; they get their dependencies at composition (their tests may compose).',
      from: { path: `^platform/src/${MODULES}/`, pathNot: '\\.test\\.ts$' },
      to: { path: '^platform/src/(http|server|infra|cli)/' },
    },
    {
      name: 'modules-do-not-import-express',
      severity: 'error',
      comment: 'Routes are data (kernel/Route.ts); only http/ turns them into express handlers.',
      from: { path: `^platform/src/(kernel|${MODULES})/` },
      to: { path: 'node_modules/(@types/)?(express|body-parser|cookie)/' },
    },
    {
      name: 'modules-meet-through-their-index',
      severity: 'error',
      comment: "A module's index.ts is its public face; nobody reaches into another module's files.",
      from: { path: '^platform/src/([^/]+)/' },
      to: {
        path: `^platform/src/${MODULES}/.+`,
        pathNot: [`^platform/src/${MODULES}/index\\.ts$`, '^platform/src/$1/'],
      },
    },
    {
      name: 'infra-is-below-modules',
      severity: 'error',
      comment: 'Store and configuration know no domain module.',
      from: { path: '^platform/src/infra/' },
      to: { path: `^platform/src/(${MODULES.slice(1, -1)}|http|server|cli)/` },
    },
    {
      name: 'http-is-not-composition',
      severity: 'error',
      from: { path: '^platform/src/http/' },
      to: { path: '^platform/src/(server|cli)/' },
    },
    {
      name: 'web-apps-import-only-schemas',
      severity: 'error',
      comment: 'The portal and the admin UI talk to the platform over HTTP and share nothing but schemas/.',
      from: { path: '^(portal|admin-ui)/' },
      to: { path: '^(platform|plugins|tests|bench)/' },
    },
    {
      name: 'web-apps-run-in-browsers',
      severity: 'error',
      comment: 'Portal and admin UI code runs in the browser: no Node built-in (their vite configs run in Node).',
      from: { path: '^(portal|admin-ui)/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^(portal|admin-ui)/' },
      to: { path: '^(portal|admin-ui)/', pathNot: '^$1/' },
    },
    {
      name: 'nobody-imports-the-plugin-host',
      severity: 'error',
      comment: 'The plugin host registers implementations at extension points that modules consume.',
      from: { path: '^platform/src/', pathNot: '^platform/src/(server|cli|plugins)/' },
      to: { path: '^platform/src/plugins/' },
    },
    {
      name: 'plugins-import-only-the-sdk',
      severity: 'error',
      comment:
        'A department plugin is compiled alone for the sandbox: it may import its own files and the SDK, nothing of the platform, no package, no Node built-in (its tests run it through the check).',
      from: { path: '^plugins/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^plugins/($1|sdk)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(data|bench/results|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
    // Follow the workspace link to schemas/ as our own source, not as a package.
    preserveSymlinks: false,
  },
};
