/**
 * Ruby and Go checked with the languages' own parsers, installed from npm with the project (no `ruby` or `go` on
 * the machine): Prism, the parser CRuby ships (WebAssembly through Node's WASI), and gofmt, Go's go/parser and
 * go/printer compiled to WebAssembly.
 */
import { format as gofmt } from '@wasm-fmt/gofmt';
import type { loadPrism } from '@ruby/prism';

type Prism = Awaited<ReturnType<typeof loadPrism>>;
let prism: Prism | undefined;

/** Prism's parse, loaded once. Node's `wasi` module says it is experimental when first imported: that one warning is not passed on. */
async function parser(): Promise<Prism> {
  if (prism) return prism;
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(warning).includes('WASI')) (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    prism = await (await import('@ruby/prism')).loadPrism();
  } finally {
    process.emitWarning = emitWarning;
  }
  return prism;
}

/** Syntax errors Prism reports for a Ruby source, as `line:column message` (empty: what `ruby -c` calls Syntax OK). */
export async function rubySyntaxErrors(source: string): Promise<string[]> {
  const result = (await parser())(source);
  return result.errors.map((error) => {
    const before = source.slice(0, error.location.startOffset).split('\n');
    return `${before.length}:${before.at(-1)!.length + 1} ${error.message}`;
  });
}

type RubyValue = string | number | RubyValue[] | { [attribute: string]: RubyValue };
// Prism's node classes are plain objects with a constructor name; only the fields read here are typed.
type RubyNode = { constructor: { name: string }; [field: string]: any };

/**
 * Runs a Ruby program made only of the statements the guide's files use: global variables, integer and string
 * literals, `format % args`, arrays, and attribute writes on a stub (`config.vm.box = ...`). Anything else throws,
 * naming the node, so a file that needs a real interpreter fails the test rather than passing unread.
 */
export async function evaluateRuby(source: string, stubs: Record<string, Record<string, RubyValue>> = {}): Promise<Record<string, RubyValue>> {
  const result = (await parser())(source);
  if (result.errors.length) throw new Error(`Ruby syntax errors: ${(await rubySyntaxErrors(source)).join('; ')}`);
  const globals: Record<string, RubyValue> = {};
  const objects = structuredClone(stubs) as Record<string, RubyValue>;
  const text = (node: RubyNode) => source.slice(node.location.startOffset, node.location.startOffset + node.location.length);
  const unsupported = (node: RubyNode): never => {
    throw new Error(`unsupported Ruby (${node.constructor.name}): ${text(node)}`);
  };
  const sprintf = (pattern: string, args: RubyValue[]) => {
    let index = 0;
    const out = pattern.replace(/%[sd%]/g, (directive) => (directive === '%%' ? '%' : String(args[index++])));
    if (index !== args.length) throw new Error(`format "${pattern}" takes ${index} arguments, given ${args.length}`);
    return out;
  };
  const value = (node: RubyNode): RubyValue => {
    switch (node.constructor.name) {
      case 'IntegerNode':
        return node.value;
      case 'StringNode':
        return node.unescaped.value;
      case 'GlobalVariableReadNode':
        if (!(node.name in globals)) throw new Error(`${node.name} is read before it is set`);
        return globals[node.name];
      case 'ArrayNode':
        return node.elements.map(value);
      case 'CallNode': {
        const args: RubyNode[] = node.arguments_?.arguments_ ?? [];
        if (node.block) return unsupported(node);
        if (node.name === '%' && node.receiver?.constructor.name === 'StringNode' && args.length === 1) {
          const argument = value(args[0]);
          return sprintf(node.receiver.unescaped.value, Array.isArray(argument) ? argument : [argument]);
        }
        // A bare name (`config`) is a stub object; `a.b` reads attribute b.
        if (!node.receiver && args.length === 0 && node.name in objects) return objects[node.name];
        if (node.receiver && args.length === 0 && !node.name.endsWith('=')) {
          const receiver = value(node.receiver);
          if (typeof receiver === 'object' && !Array.isArray(receiver) && node.name in receiver) return receiver[node.name];
        }
        return unsupported(node);
      }
      default:
        return unsupported(node);
    }
  };
  for (const statement of result.value.statements?.body ?? []) {
    const node = statement as RubyNode;
    if (node.constructor.name === 'GlobalVariableWriteNode') globals[node.name] = value(node.value);
    else if (node.constructor.name === 'CallNode' && node.name.endsWith('=') && node.receiver && node.arguments_?.arguments_.length === 1) {
      const receiver = value(node.receiver);
      const attribute = node.name.slice(0, -1);
      // Like a Struct: only the stub's own attributes can be written.
      if (typeof receiver !== 'object' || Array.isArray(receiver) || !(attribute in receiver)) unsupported(node);
      (receiver as Record<string, RubyValue>)[attribute] = value(node.arguments_.arguments_[0]);
    } else unsupported(node);
  }
  return { ...globals, ...objects };
}

/** Go source through gofmt: throws with the parser's message on a syntax error, else returns the formatted text. */
export function formatGo(source: string): string {
  return gofmt(source);
}
