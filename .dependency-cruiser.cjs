// Import rules checked by `npm run lint:deps`. A cycle between modules makes their load order
// decide which one sees the other half-initialised (a barrel re-exporting a file that imports
// back through another barrel is the usual way in), so runtime cycles fail the lint. Type-only
// imports are erased by the compiler and never run, so they may go both ways.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'Modules must not import each other in a circle (type-only imports excepted).',
			from: {},
			to: {
				circular: true,
				viaOnly: { dependencyTypesNot: ['type-only'] }
			}
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '^(src/lib/paraglide|\\.svelte-kit|build|bench/results)/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.svelte', '.json']
		},
		extraExtensionsToScan: []
	}
};
