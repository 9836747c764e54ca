/**
 * `npm run deploy` and `npm run deploy:prod` (scripts/deploy.cjs): nothing is pushed unless the
 * project file names a project and `npm test` passes. The commands are recorded, not run.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const {deploy} = require('../scripts/deploy.cjs') as {
  deploy(
    opts: {prod?: boolean; dryRun?: boolean; root?: string},
    run: (cmd: string, args: string[]) => number,
    say: (line: string) => void,
  ): number;
};

const DEV = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-dev_project_id_0000';
const PROD = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-prod_project_id_000';

function repo(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deploy-'));
  for (const [name, json] of Object.entries(files))
    writeFileSync(path.join(dir, name), typeof json === 'string' ? json : JSON.stringify(json));
  return dir;
}

/** Runs deploy with `npm test` giving `testStatus`; returns what ran and what was said. */
function attempt(root: string, opts: {prod?: boolean; dryRun?: boolean}, testStatus: number) {
  const ran: string[] = [];
  const said: string[] = [];
  const status = deploy(
    {...opts, root},
    (cmd, args) => {
      ran.push([cmd, ...args].join(' '));
      return cmd === 'npm' ? testStatus : 0;
    },
    line => said.push(line),
  );
  return {status, ran, said: said.join('\n')};
}

const both = {
  '.clasp.json': {scriptId: DEV, rootDir: 'dist'},
  '.clasp.prod.json': {scriptId: PROD, rootDir: 'dist'},
};

test('a failing npm test (lint, type checks, a test or the build) means nothing is pushed', () => {
  const r = attempt(repo(both), {}, 1);
  expect(r.ran).toEqual(['npm test']);
  expect(r.status).toBe(1);
  expect(r.said).toContain('deploy: not pushed: `npm test` failed');
});

test('after npm test passes, dist/ goes to the development project', () => {
  const r = attempt(repo(both), {}, 0);
  expect(r.ran).toEqual(['npm test', 'npx clasp -P .clasp.json push']);
  expect(r.status).toBe(0);
  expect(r.said).toContain(`development project (.clasp.json, ${DEV})`);
});

test('deploy:prod pushes to the production project file, after the same checks', () => {
  expect(attempt(repo(both), {prod: true}, 0).ran).toEqual([
    'npm test',
    'npx clasp -P .clasp.prod.json push',
  ]);
  expect(attempt(repo(both), {prod: true}, 1).ran).toEqual(['npm test']);
});

test('a dry run checks everything and pushes nothing', () => {
  const r = attempt(repo(both), {dryRun: true}, 0);
  expect(r.ran).toEqual(['npm test']);
  expect(r.said).toContain(
    'dry run, so nothing was pushed (would run: npx clasp -P .clasp.json push)',
  );
});

test('a project file that names no project yet is refused before anything runs, saying how to connect it', () => {
  const r = attempt(repo({'.clasp.json': {rootDir: 'dist'}}), {}, 0);
  expect(r.ran).toEqual([]);
  expect(r.status).toBe(1);
  expect(r.said).toContain('.clasp.json names no Apps Script project yet.');
  expect(r.said).toContain('npx clasp clone SCRIPT_ID --rootDir dist');
  const prod = attempt(repo({'.clasp.json': both['.clasp.json']}), {prod: true}, 0);
  expect(prod.said).toContain('.clasp.prod.json is missing');
  const broken = attempt(repo({'.clasp.json': '{"scriptId": '}), {}, 0);
  expect(broken.said).toContain('.clasp.json is not valid JSON');
});
