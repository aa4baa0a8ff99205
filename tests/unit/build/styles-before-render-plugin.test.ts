import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { mendPreloadHelper, stylesBeforeRenderPlugin } from '../../../src/build/styles-before-render-plugin';

let root: string | undefined;

afterEach(() => {
	if (root !== undefined) rmSync(root, { recursive: true, force: true });
	root = undefined;
});

/** The code of a build of a page that imports a chunk with a stylesheet, as the app's routes are imported. */
async function buildPageWithStyledChunk(): Promise<string> {
	root = mkdtempSync(join(tmpdir(), 'recall-styles-'));
	writeFileSync(join(root, 'index.html'), '<script type="module" src="./main.js"></script>');
	writeFileSync(join(root, 'main.js'), "import('./page.js').then((page) => page.draw());");
	writeFileSync(join(root, 'page.js'), "import './page.css';\nexport function draw() { document.body.append('drawn'); }");
	writeFileSync(join(root, 'page.css'), 'body { color: green; }');
	const output = (await build({
		root,
		logLevel: 'silent',
		configFile: false,
		plugins: [stylesBeforeRenderPlugin()],
		build: { write: false, minify: false, modulePreload: { polyfill: false } }
	})) as Rollup.RollupOutput;
	return output.output.flatMap((file) => (file.type === 'chunk' ? [file.code] : [])).join('\n');
}

describe('styles before render', () => {
	it('mends the preload helper of the installed Vite: a second import of a chunk waits for its stylesheet as the first did', async () => {
		const code = await buildPageWithStyledChunk();
		expect(code).toContain('if (dep in seen) return seen[dep];');
		expect(code).toContain('if (isCss) return seen[dep] = new Promise(');
		expect(code).not.toContain('if (dep in seen) return;');
	});

	it('fails the build, naming this plugin, when the helper does not have the text it mends', () => {
		expect(() => mendPreloadHelper('const seen = {}; function preload() {}')).toThrow(/styles-before-render: .*dep in seen/);
	});

	it('fails the build when a text to mend is there twice, rather than guess which one', () => {
		const twice = 'if (dep in seen) return; if (dep in seen) return; if (isCss) return new Promise(';
		expect(() => mendPreloadHelper(twice)).toThrow(/does not have “if \(dep in seen\) return;” once/);
	});
});
