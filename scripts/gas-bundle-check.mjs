#!/usr/bin/env node
// Checks dist/Code.js the way Apps Script sees it (developers.google.com/apps-script/guides/v8-runtime):
// entry points, menu handlers and trigger handlers must be top-level `function` declarations
// (Apps Script finds them statically), and nothing Node-only or unsupported may be left.
// Usage: node scripts/gas-bundle-check.mjs [dist/Code.js] [src/index.ts]
import {readFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';

/** The names exported from the entry module and the modules it re-exports (`export *`). */
export function exportedEntryPoints(entryFile) {
  const names = new Set();
  const seen = new Set();
  const visit = file => {
    const resolved = [file, `${file}.ts`, path.join(file, 'index.ts')].find(
      f => existsSync(f) && f.endsWith('.ts'),
    );
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    const sf = ts.createSourceFile(
      resolved,
      readFileSync(resolved, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    for (const st of sf.statements) {
      const exported = st.modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported && ts.isFunctionDeclaration(st) && st.name) names.add(st.name.text);
      if (exported && ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations)
          if (ts.isIdentifier(d.name)) names.add(d.name.text);
      if (
        ts.isExportDeclaration(st) &&
        st.moduleSpecifier &&
        ts.isStringLiteral(st.moduleSpecifier)
      ) {
        const target = path.resolve(path.dirname(resolved), st.moduleSpecifier.text);
        if (!st.exportClause) visit(target);
        else if (ts.isNamedExports(st.exportClause))
          for (const e of st.exportClause.elements) names.add(e.name.text);
      }
    }
  };
  visit(entryFile);
  return names;
}

/** Returns the findings (empty when the bundle is fine). */
export function checkBundle(code, entryPoints = new Set(), fileName = 'dist/Code.js') {
  const findings = [];
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const line = node => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const topLevel = new Set();
  for (const st of file.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) {
      // Two top-level declarations of one name: the later silently replaces the earlier.
      if (topLevel.has(st.name.text))
        findings.push(
          `line ${line(st)}: a second top-level function ${st.name.text} replaces the first`,
        );
      topLevel.add(st.name.text);
    }
    if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isExportAssignment(st))
      findings.push(
        `line ${line(st)}: import/export left in the bundle (Apps Script has no ES modules)`,
      );
    if (st.modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword))
      findings.push(`line ${line(st)}: 'export' left in the bundle`);
  }
  const handlers = new Map();
  const visit = node => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const [a0, a1] = node.arguments;
        if (method === 'addItem' && a1 && ts.isStringLiteralLike(a1))
          handlers.set(a1.text, `menu item "${a0 && ts.isStringLiteralLike(a0) ? a0.text : '?'}"`);
        if (method === 'addItem' && a1 && !ts.isStringLiteralLike(a1))
          findings.push(
            `line ${line(node)}: Menu.addItem with a computed function name cannot be checked; use a string literal`,
          );
        if (method === 'newTrigger' && a0 && ts.isStringLiteralLike(a0))
          handlers.set(a0.text, 'ScriptApp.newTrigger');
      }
      if (ts.isIdentifier(callee) && callee.text === 'require')
        findings.push(`line ${line(node)}: require() (no Node modules in Apps Script)`);
      if (callee.kind === ts.SyntaxKind.ImportKeyword)
        findings.push(`line ${line(node)}: dynamic import() (no ES modules in Apps Script)`);
    }
    if (ts.isPrivateIdentifier(node))
      findings.push(`line ${line(node)}: private #field (a parse error in Apps Script V8)`);
    if (
      ts.isPropertyDeclaration(node) &&
      node.modifiers?.some(m => m.kind === ts.SyntaxKind.StaticKeyword)
    )
      findings.push(`line ${line(node)}: static class field (not supported by Apps Script V8)`);
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'process'
    )
      findings.push(
        `line ${line(node)}: process.${node.name.text} (no process object in Apps Script)`,
      );
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const name of entryPoints)
    if (!topLevel.has(name))
      findings.push(
        `entry point ${name} (exported from src/index.ts) is not a top-level function declaration`,
      );
  for (const [name, why] of handlers)
    if (!topLevel.has(name.split('.')[0]))
      findings.push(`${why} calls "${name}", which is not a top-level function declaration`);
  for (const simple of ['onOpen', 'onEdit'])
    if (!topLevel.has(simple)) findings.push(`${simple} is not a top-level function declaration`);
  return findings;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bundle = process.argv[2] ?? 'dist/Code.js';
  const entry = process.argv[3] ?? 'src/index.ts';
  if (!existsSync(bundle)) {
    console.log(`bundle check: ${bundle} is missing (run npm run build first)`);
    process.exit(1);
  }
  const findings = checkBundle(
    readFileSync(bundle, 'utf8'),
    exportedEntryPoints(path.resolve(entry)),
    bundle,
  );
  for (const f of findings) console.log(`bundle check: ${f}`);
  console.log(
    `bundle check: ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${bundle}`,
  );
  process.exit(findings.length ? 1 : 0);
}
