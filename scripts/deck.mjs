#!/usr/bin/env node
// Runs the deck command (src/build/deck-cli.ts): notes to a deck file.
// `npm run --silent deck -- --help` tells how to use it.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

// npm runs scripts in the project folder; the paths were typed relative to where the person was.
if (process.env.npm_lifecycle_event === 'deck' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

// Vite's module runner loads the TypeScript as the app's build would.
const { module } = await runnerImport(fileURLToPath(new URL('../src/build/deck-cli.ts', import.meta.url)), {
	root: projectRoot,
	configFile: false,
	logLevel: 'error'
});
process.exitCode = await module.main(process.argv.slice(2));
