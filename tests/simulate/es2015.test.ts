/*
 * Every script of the compiled weapp parses as ES2015. The mini-program's JavaScript runs in the
 * phone's own engine and the project uploads it as built (`es6: false`, `enhance: false`): on iOS
 * before 13.4 one `?.` is a syntax error at launch, a white screen. acorn at ecmaVersion 2015 is
 * the verdict; a second, modern parse names the newer syntax it met and where.
 * Needs dist/weapp (built here when missing; SIMULATE_WEAPP_ROOT=<dir> checks another build).
 */
import fs from 'fs';
import path from 'path';
import { parse, type Node } from 'acorn';
import { full } from 'acorn-walk';
import { ensureWeappBuild, WEAPP_ROOT } from './support/weapp';

type AnyNode = Node & Record<string, unknown>;

/** The syntax after ES2015 a bundle can contain, named by the AST node that carries it. */
function newerSyntax(node: AnyNode): string | undefined {
  switch (node.type) {
    case 'ChainExpression':
      return 'optional chaining ?. (ES2020)';
    case 'LogicalExpression':
      return node.operator === '??' ? 'nullish coalescing ?? (ES2020)' : undefined;
    case 'AssignmentExpression':
      if (node.operator === '**=') return 'exponent assignment **= (ES2016)';
      return ['??=', '||=', '&&='].includes(node.operator as string)
        ? `logical assignment ${String(node.operator)} (ES2021)`
        : undefined;
    case 'BinaryExpression':
      return node.operator === '**' ? 'exponent operator ** (ES2016)' : undefined;
    case 'CatchClause':
      return node.param === null ? 'optional catch binding catch {} (ES2019)' : undefined;
    case 'SpreadElement':
    case 'RestElement':
      return undefined; // ES2015 in arrays and calls; see the object cases below
    case 'ObjectExpression':
      return (node.properties as AnyNode[]).some((p) => p.type === 'SpreadElement')
        ? 'object spread {...x} (ES2018)'
        : undefined;
    case 'ObjectPattern':
      return (node.properties as AnyNode[]).some((p) => p.type === 'RestElement')
        ? 'object rest {...x} = (ES2018)'
        : undefined;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return node.async ? 'async function (ES2017)' : undefined;
    case 'ForOfStatement':
      return node.await ? 'for await (ES2018)' : undefined;
    case 'ImportExpression':
      return 'dynamic import() (ES2020)';
    case 'PropertyDefinition':
    case 'StaticBlock':
    case 'PrivateIdentifier':
      return 'class fields and private members (ES2022)';
    case 'Literal':
      if (typeof node.bigint === 'string') return 'BigInt literal (ES2020)';
      if (node.regex && /[sdv]/.test((node.regex as { flags: string }).flags))
        return 'regular expression flag s/d/v (ES2018+)';
      return undefined;
    default:
      return undefined;
  }
}

interface Finding {
  file: string;
  error: string;
  syntax: Map<string, { count: number; first: string }>;
}

function lineAndColumn(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** undefined when the file is ES2015; otherwise what acorn said and which newer syntax it holds. */
function checkFile(file: string): Finding | undefined {
  const source = fs.readFileSync(file, 'utf8');
  try {
    parse(source, { ecmaVersion: 2015, sourceType: 'script' });
    return undefined;
  } catch (error) {
    const syntax = new Map<string, { count: number; first: string }>();
    try {
      full(parse(source, { ecmaVersion: 'latest', sourceType: 'script' }), (node) => {
        const name = newerSyntax(node as AnyNode);
        if (!name) return;
        const seen = syntax.get(name);
        if (seen) seen.count += 1;
        else {
          const excerpt = source.slice(node.start, Math.min(node.end, node.start + 60)).replace(/\s+/g, ' ');
          syntax.set(name, { count: 1, first: `${lineAndColumn(source, node.start)} ${excerpt}` });
        }
      });
    } catch {
      // Not even modern JavaScript: acorn's own message below says where.
    }
    return { file: path.relative(WEAPP_ROOT, file), error: (error as Error).message, syntax };
  }
}

function scripts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(target);
    return entry.name.endsWith('.js') ? [target] : [];
  });
}

function explain(finding: Finding): string {
  const lines = [`${finding.file}: ${finding.error}`];
  for (const [name, { count, first }] of finding.syntax)
    lines.push(`    ${name} ×${count}, first at ${first}`);
  return lines.join('\n');
}

beforeAll(() => ensureWeappBuild(), 240_000);

test('dist/weapp has the app, the pages and their chunks to check', () => {
  const files = scripts(WEAPP_ROOT).map((file) => path.relative(WEAPP_ROOT, file));
  expect(files).toEqual(expect.arrayContaining(['app.js', 'runtime.js', 'vendors.js', 'taro.js']));
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP_ROOT, 'app.json'), 'utf8')) as {
    pages: string[];
  };
  for (const page of app.pages) expect(files).toContain(`${page}.js`);
});

test('every .js in dist/weapp parses as ES2015 (no ?., ??, catch {}, object spread, async…)', () => {
  const findings = scripts(WEAPP_ROOT)
    .map(checkFile)
    .filter((finding): finding is Finding => finding !== undefined);
  const report = findings.map(explain).join('\n');
  expect(report).toBe('');
});
