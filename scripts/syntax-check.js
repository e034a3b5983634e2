// Parses source files with tree-sitter and fails on any ERROR or MISSING node.
// A syntax check only, for the Swift side when scripts/test-swift.sh cannot make its Swift root.
// Usage: node syntax-check.js swift FILE...
'use strict';
const path = require('path');
const fs = require('fs');
const modules = path.join(path.resolve(process.env.NPM_DIR), 'node_modules');
const Parser = require(path.join(modules, 'tree-sitter'));
const [lang, ...files] = process.argv.slice(2);
if (lang !== 'swift') throw new Error(`no grammar for ${lang}`);
const grammar = require(path.join(modules, 'tree-sitter-swift'));

// The grammar does not know uniffi's 3-line documentation-visibility guard; blank exactly that.
const guard = /#if swift\(>=5\.8\)\n[ \t]*@_documentation\(visibility: private\)\n[ \t]*#endif/g;
// Nor two constructs of uniffi's callback interfaces (the vault's platform store): Swift 5.10's
// `nonisolated(unsafe)` modifier, and `()` as a closure's value; blank exactly those.
const unknown = [/nonisolated\(unsafe\) (?=static let vtablePtr)/g, /(?<=let writeReturn = \{ )\(\)(?= \})/g];

let failed = 0;
for (const file of files) {
  let src = fs.readFileSync(file, 'utf8');
  if (lang === 'swift') {
    for (const pattern of [guard, ...unknown]) src = src.replace(pattern, (m) => m.replace(/[^\n]/g, ' '));
  }
  const parser = new Parser();
  parser.setLanguage(grammar);
  const tree = parser.parse(src, null, { bufferSize: Math.max(1 << 20, src.length * 2) });
  const problems = [];
  (function walk(n) {
    if (n.type === 'ERROR' || n.isMissing) problems.push(n);
    for (let i = 0; i < n.childCount; i++) walk(n.child(i));
  })(tree.rootNode);
  for (const n of problems.slice(0, 5)) {
    console.error(`${file}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.isMissing ? 'missing ' + n.type : 'syntax error'}`);
  }
  if (problems.length) failed++;
  else console.log(`${file}: ok (${src.split('\n').length} lines)`);
}
process.exit(failed ? 1 : 0);
