#!/usr/bin/env node
// The English catalog and the code agree: every key the code asks a translator for exists, and every key in the
// catalog is used somewhere. Part of `npm run lint`. It reads the sources with the TypeScript parser:
// - a translator is a variable set from useTranslations / getTranslations / createTranslator, with its namespace;
//   `t('key')`, `t.rich('key')`, `t.has('key')`… name `namespace.key`, and must exist;
// - `t(`field.${name}`)` names every key under `namespace.field.`;
// - any other string literal that is a full key (a message returned by the server, a zod message) uses it, and so
//   does one that is a key within a namespace the same file translates with;
// - a template literal starting with `a.b.` anywhere uses every key under that prefix.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const catalogDir = path.join(root, 'messages', 'en');
const sourceDirs = ['app', 'components', 'lib', 'db'];
const isSource = (file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file);

function flatten(object, prefix, into) {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') flatten(value, name, into);
    else into.set(name, false);
  }
  return into;
}

const catalog = new Map();
for (const file of readdirSync(catalogDir).filter((f) => f.endsWith('.json'))) {
  const top = JSON.parse(readFileSync(path.join(catalogDir, file), 'utf8'));
  for (const name of Object.keys(top)) {
    if (catalog.has(name) || [...catalog.keys()].some((k) => k.startsWith(`${name}.`))) {
      // index.ts spreads the files into one object: a namespace in two files would silently lose keys.
      console.error(`messages/en/${file}: the namespace "${name}" is also defined in another file`);
      process.exitCode = 1;
    }
  }
  flatten(top, '', catalog);
}
const keys = [...catalog.keys()];
const problems = [];
/** Every string literal in the code, and the namespaces translated with a computed key. */
const allLiterals = new Set();
const dynamicPrefixes = new Set();

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return isSource(entry.name) ? [full] : [];
  });
}

const translatorFactories = new Set(['useTranslations', 'getTranslations', 'createTranslator']);

/** The namespace a translator factory call names ('' for the whole catalog), or null when it is not one. */
function namespaceOf(call) {
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return null;
  if (!translatorFactories.has(call.expression.text)) return null;
  const [argument] = call.arguments;
  if (!argument) return '';
  if (ts.isStringLiteralLike(argument)) return argument.text;
  if (ts.isObjectLiteralExpression(argument)) {
    const property = argument.properties.find(
      (p) => ts.isPropertyAssignment(p) && p.name.getText() === 'namespace' && ts.isStringLiteralLike(p.initializer),
    );
    return property ? property.initializer.text : '';
  }
  return null;
}

const unwrap = (node) =>
  ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;

/** `t: Translator<'goal'>` (messages/types.ts): a translator handed in, with its namespace; otherwise null. */
function parameterNamespace(parameter) {
  const type = parameter.type;
  if (!type || !ts.isTypeReferenceNode(type) || type.typeName.getText() !== 'Translator') return null;
  const [argument] = type.typeArguments ?? [];
  return argument && ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)
    ? argument.literal.text
    : null;
}

/** The translator a call's callee names, resolved through the enclosing scopes: its namespace, or null. */
function translatorNamespace(identifier) {
  for (let scope = identifier.parent; scope; scope = scope.parent) {
    const parameter = ts.isFunctionLike(scope) && scope.parameters.find((p) => p.name.getText() === identifier.text);
    if (parameter) return parameterNamespace(parameter);
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) ? scope.statements : [];
    for (const statement of statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== identifier.text) continue;
        return declaration.initializer ? namespaceOf(unwrap(declaration.initializer)) : null;
      }
    }
  }
  return null;
}

/** A translator whose namespace this script cannot see: a parameter typed as one, or `something.t(...)`. */
const unknownTranslator =
  /\b(Translate|Translator|SurveyTranslator|typeof useTranslations|typeof getTranslations)\b|\.t\(|\{[^}]*\bt\b[^}]*\} = /;

const markKey = (key) => catalog.has(key) && catalog.set(key, true);
const markSuffix = (suffix) => {
  for (const key of keys) if (key.endsWith(`.${suffix}`)) catalog.set(key, true);
};
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A template literal as a pattern over keys: each `${…}` is a piece of text, captured. */
const templatePattern = (template) =>
  [escape(template.head.text), ...template.templateSpans.map((span) => `(.+)${escape(span.literal.text)}`)].join('');
/** Patterns are matched once every literal is known: a `${…}` must be filled by a value the code spells. */
const pendingPatterns = [];
const markPattern = (pattern) => pendingPatterns.push(pattern);

for (const file of sourceDirs.flatMap((dir) => walk(path.join(root, dir)))) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const where = (node) =>
    `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const namespaces = new Set();
  const literals = [];
  const templates = [];
  const suffixes = [];

  const visit = (node) => {
    const namespace = ts.isCallExpression(node)
      ? namespaceOf(node)
      : ts.isParameter(node)
        ? parameterNamespace(node)
        : null;
    if (namespace) namespaces.add(namespace);
    if (ts.isStringLiteralLike(node) && !ts.isImportDeclaration(node.parent)) literals.push(node.text);
    if (ts.isNumericLiteral(node)) allLiterals.add(node.text);
    if (ts.isTemplateExpression(node)) templates.push(templatePattern(node));
    if (ts.isCallExpression(node) && node.arguments[0]) checkCall(node);
    ts.forEachChild(node, visit);
  };

  // A call on a translator this script can resolve: its key must exist.
  const checkCall = (call) => {
    let callee = call.expression;
    let method = null;
    if (ts.isPropertyAccessExpression(callee)) {
      method = callee.name.text;
      callee = callee.expression;
    }
    if (!ts.isIdentifier(callee) || (method && !['rich', 'markup', 'raw', 'has'].includes(method))) return;
    const namespace = translatorNamespace(callee);
    const [argument] = call.arguments;
    if (namespace === null) {
      // Perhaps a translator handed in from elsewhere (`t('target.met')`): its key is used, whatever the namespace.
      if (ts.isStringLiteralLike(argument) && !method) suffixes.push(argument.text);
      return;
    }
    const prefix = namespace ? `${namespace}.` : '';
    // `tm(metric)`: a key directly in the namespace named by a value that the code spells somewhere ('csat').
    if (!ts.isStringLiteralLike(argument) && !ts.isTemplateExpression(argument)) dynamicPrefixes.add(prefix);
    if (ts.isStringLiteralLike(argument)) {
      if (!catalog.has(prefix + argument.text) && method !== 'has') {
        problems.push(`${where(argument)}: "${prefix + argument.text}" is not in the English catalog`);
      }
    } else if (ts.isTemplateExpression(argument) && !keys.some((k) => k.startsWith(prefix + argument.head.text))) {
      problems.push(`${where(argument)}: no key starts with "${prefix + argument.head.text}"`);
    }
  };
  visit(source);

  for (const literal of literals) allLiterals.add(literal);
  for (const suffix of suffixes) markSuffix(suffix);
  const unknown = unknownTranslator.test(text);
  for (const literal of literals) {
    markKey(literal);
    for (const namespace of namespaces) markKey(`${namespace}.${literal}`);
    if (unknown && literal.includes('.')) markSuffix(literal);
  }
  // A template with no letters of its own (`${a}.${b}`) could be any key: it proves nothing.
  for (const pattern of templates.filter((p) => /[A-Za-z]{2}/.test(p.replaceAll('(.+)', '')))) {
    markPattern(pattern);
    for (const namespace of namespaces) markPattern(`${escape(namespace)}\\.${pattern}`);
    if (unknown) markPattern(`(?:.*\\.)?${pattern}`);
  }
}

for (const pattern of pendingPatterns) {
  const regex = new RegExp(`^${pattern}$`);
  for (const key of keys) {
    const pieces = regex.exec(key)?.slice(1);
    const spelled = (piece) => allLiterals.has(piece) || piece.split('.').every((part) => allLiterals.has(part));
    if (pieces?.every(spelled)) catalog.set(key, true);
  }
}
for (const prefix of dynamicPrefixes) {
  for (const key of keys) {
    const rest = key.slice(prefix.length);
    if (key.startsWith(prefix) && !rest.includes('.') && allLiterals.has(rest)) catalog.set(key, true);
  }
}

const unused = keys.filter((key) => !catalog.get(key));
for (const key of unused) problems.push(`messages/en: "${key}" is not used by any code`);
for (const problem of problems) console.error(problem);
if (problems.length > 0) {
  console.error(`\n${problems.length} catalog problem(s). Add the missing keys, or remove the unused ones.`);
  process.exitCode = 1;
} else {
  console.log(`Message catalog: ${keys.length} keys, all used, none missing.`);
}
