/**
 * A whitelisting unpickler (protocols 0-5, the opcodes PyTorch's torch.save writes and the plain
 * containers): it builds Python values as plain JS data and never runs anything. A GLOBAL is resolved
 * only through the caller's table of allowed names; any other is refused with the name it found
 * ("refused pickle global os.system"). Persistent ids (torch's storages) go to the caller's loader.
 */
import { InputError } from './errors';

/** A call of an allowed global: f(...args). */
export type PickleCall = (args: PickleValue[]) => PickleValue;

/** An object under construction whose BUILD state (obj.__setstate__) is kept but not interpreted. */
export interface PickleObject {
  kind: 'object';
  global: string;
  args: PickleValue[];
  state?: PickleValue;
}

export type PickleValue =
  | null | boolean | number | bigint | string | Uint8Array
  | PickleValue[] | PickleTuple | PickleDict | PickleObject | { kind: 'global'; name: string } | object;

/** A tuple (a frozen array). */
export class PickleTuple {
  constructor(readonly items: PickleValue[]) {}
}

/** A dict or OrderedDict, in insertion order. */
export class PickleDict {
  readonly entries = new Map<PickleValue, PickleValue>();
}

export interface UnpickleOptions {
  /** Allowed globals by "module.name"; the function builds the value of a call (REDUCE/NEWOBJ). */
  globals: Readonly<Record<string, PickleCall>>;
  /** Resolves a persistent id (BINPERSID); absent: persistent ids are refused. */
  persistentLoad?: (pid: PickleValue) => PickleValue;
  /** Most opcodes executed (a bound on time for damaged input). */
  maxOps?: number;
}

const FIX = 'Save plain tensors, e.g. torch.save({"embeddings": X, "labels": y}, path), or export with np.save.';

function damaged(name: string, what: string): InputError {
  return new InputError(`${name} is not a readable pickle (${what}).`, 'Re-save it with torch.save; the file may be truncated.');
}

/** Unpickles `bytes` (name for messages) with only the allowed globals. */
export function unpickle(bytes: Uint8Array, name: string, opts: UnpickleOptions): PickleValue {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8');
  const stack: PickleValue[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PickleValue>();
  const maxOps = opts.maxOps ?? 50_000_000;
  let p = 0;
  const need = (k: number) => {
    if (p + k > bytes.length) throw damaged(name, `it ends inside an opcode at byte ${p}`);
  };
  const u8 = () => (need(1), bytes[p++]);
  const u16 = () => (need(2), (p += 2), v.getUint16(p - 2, true));
  const u32 = () => (need(4), (p += 4), v.getUint32(p - 4, true));
  const i32 = () => (need(4), (p += 4), v.getInt32(p - 4, true));
  const u64 = () => {
    need(8);
    const x = v.getBigUint64(p, true);
    p += 8;
    if (x > BigInt(bytes.length)) throw damaged(name, `a length of ${x} bytes in a ${bytes.length}-byte file`);
    return Number(x);
  };
  const take = (k: number) => (need(k), (p += k), bytes.subarray(p - k, p));
  const line = () => {
    const end = bytes.indexOf(0x0a, p);
    if (end < 0) throw damaged(name, 'a text opcode has no end of line');
    const s = text.decode(bytes.subarray(p, end));
    p = end + 1;
    return s;
  };
  const pop = (): PickleValue => {
    if (stack.length === 0 || (marks.length > 0 && stack.length <= marks[marks.length - 1])) throw damaged(name, `the stack is empty at byte ${p}`);
    return stack.pop()!;
  };
  const top = (): PickleValue => {
    if (stack.length === 0) throw damaged(name, `the stack is empty at byte ${p}`);
    return stack[stack.length - 1];
  };
  const popMark = (): PickleValue[] => {
    const m = marks.pop();
    if (m === undefined) throw damaged(name, `no mark at byte ${p}`);
    return stack.splice(m);
  };
  const resolve = (module: string, attr: string): PickleValue => {
    const full = `${module}.${attr}`;
    if (!Object.hasOwn(opts.globals, full)) throw new InputError(`${name}: refused pickle global ${full} (only tensors, storages and plain containers are read; nothing is executed).`, FIX);
    return { kind: 'global', name: full };
  };
  const call = (f: PickleValue, args: PickleValue): PickleValue => {
    if (typeof f !== 'object' || f === null || (f as { kind?: string }).kind !== 'global') throw damaged(name, 'a call of something that is not a global');
    if (!(args instanceof PickleTuple)) throw damaged(name, 'call arguments that are not a tuple');
    return opts.globals[(f as { name: string }).name](args.items);
  };
  const setItems = (d: PickleValue, items: PickleValue[]) => {
    if (!(d instanceof PickleDict)) throw damaged(name, 'SETITEMS on something that is not a dict');
    if (items.length % 2 !== 0) throw damaged(name, 'an odd number of dict items');
    for (let i = 0; i < items.length; i += 2) d.entries.set(items[i], items[i + 1]);
  };
  const append = (l: PickleValue, items: PickleValue[]) => {
    if (!Array.isArray(l)) throw damaged(name, 'APPEND on something that is not a list');
    for (const x of items) l.push(x);
  };
  for (let ops = 0; ; ops++) {
    if (ops > maxOps) throw damaged(name, `more than ${maxOps} opcodes`);
    const at = p;
    const op = u8();
    switch (op) {
      case 0x80: u8(); break; // PROTO
      case 0x95: u64(); break; // FRAME
      case 0x2e: if (stack.length !== 1) throw damaged(name, `STOP with ${stack.length} values on the stack`); return pop(); // STOP
      case 0x28: marks.push(stack.length); break; // MARK
      case 0x30: pop(); break; // POP
      case 0x31: popMark(); break; // POP_MARK
      case 0x32: stack.push(top()); break; // DUP
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4b: stack.push(u8()); break; // BININT1
      case 0x4d: stack.push(u16()); break; // BININT2
      case 0x4a: stack.push(i32()); break; // BININT
      case 0x8a: case 0x8b: { // LONG1, LONG4
        const k = op === 0x8a ? u8() : u32();
        const b = take(k);
        let x = 0n;
        for (let i = b.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[i]);
        if (b.length > 0 && b[b.length - 1] & 0x80) x -= 1n << BigInt(8 * b.length);
        stack.push(x >= BigInt(Number.MIN_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x);
        break;
      }
      case 0x47: need(8); stack.push(v.getFloat64(p, false)); p += 8; break; // BINFLOAT
      case 0x49: { // INT (text)
        const s = line();
        stack.push(s === '01' ? true : s === '00' ? false : Number.parseInt(s, 10));
        break;
      }
      case 0x4c: stack.push(Number.parseInt(line().replace(/L$/, ''), 10)); break; // LONG (text)
      case 0x46: stack.push(Number.parseFloat(line())); break; // FLOAT (text)
      case 0x8c: stack.push(text.decode(take(u8()))); break; // SHORT_BINUNICODE
      case 0x58: stack.push(text.decode(take(u32()))); break; // BINUNICODE
      case 0x8d: stack.push(text.decode(take(u64()))); break; // BINUNICODE8
      case 0x55: stack.push(text.decode(take(u8()))); break; // SHORT_BINSTRING
      case 0x54: stack.push(text.decode(take(u32()))); break; // BINSTRING
      case 0x43: stack.push(take(u8()).slice()); break; // SHORT_BINBYTES
      case 0x42: stack.push(take(u32()).slice()); break; // BINBYTES
      case 0x8e: stack.push(take(u64()).slice()); break; // BINBYTES8
      case 0x56: stack.push(line()); break; // UNICODE (text, raw-unicode-escape; ASCII in practice)
      case 0x29: stack.push(new PickleTuple([])); break; // EMPTY_TUPLE
      case 0x85: stack.push(new PickleTuple([pop()])); break; // TUPLE1
      case 0x86: { const b = pop(); stack.push(new PickleTuple([pop(), b])); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); stack.push(new PickleTuple([pop(), b, c])); break; } // TUPLE3
      case 0x74: stack.push(new PickleTuple(popMark())); break; // TUPLE
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x6c: stack.push(popMark()); break; // LIST
      case 0x61: { const x = pop(); append(top(), [x]); break; } // APPEND
      case 0x65: { const items = popMark(); append(top(), items); break; } // APPENDS
      case 0x7d: stack.push(new PickleDict()); break; // EMPTY_DICT
      case 0x64: { const d = new PickleDict(); setItems(d, popMark()); stack.push(d); break; } // DICT
      case 0x73: { const val = pop(); const key = pop(); setItems(top(), [key, val]); break; } // SETITEM
      case 0x75: { const items = popMark(); setItems(top(), items); break; } // SETITEMS
      case 0x8f: stack.push(new PickleTuple([])); break; // EMPTY_SET (kept as a tuple of its items)
      case 0x90: { const items = popMark(); const s = top(); if (!(s instanceof PickleTuple)) throw damaged(name, 'ADDITEMS on a non-set'); s.items.push(...items); break; } // ADDITEMS
      case 0x91: stack.push(new PickleTuple(popMark())); break; // FROZENSET
      case 0x71: memo.set(u8(), top()); break; // BINPUT
      case 0x72: memo.set(u32(), top()); break; // LONG_BINPUT
      case 0x70: memo.set(Number.parseInt(line(), 10), top()); break; // PUT
      case 0x94: memo.set(memo.size, top()); break; // MEMOIZE
      case 0x68: case 0x6a: case 0x67: { // BINGET, LONG_BINGET, GET
        const k = op === 0x68 ? u8() : op === 0x6a ? u32() : Number.parseInt(line(), 10);
        if (!memo.has(k)) throw damaged(name, `memo entry ${k} is read before it is written`);
        stack.push(memo.get(k)!);
        break;
      }
      case 0x63: { const module = line(); stack.push(resolve(module, line())); break; } // GLOBAL
      case 0x93: { const attr = pop(); const module = pop(); if (typeof module !== 'string' || typeof attr !== 'string') throw damaged(name, 'STACK_GLOBAL without two names'); stack.push(resolve(module, attr)); break; } // STACK_GLOBAL
      case 0x52: { const args = pop(); stack.push(call(pop(), args)); break; } // REDUCE
      case 0x81: { const args = pop(); stack.push(call(pop(), args)); break; } // NEWOBJ
      case 0x92: { pop(); const args = pop(); stack.push(call(pop(), args)); break; } // NEWOBJ_EX (kwargs dropped)
      case 0x62: { // BUILD: the state is kept on objects, attributes of dicts (OrderedDict._metadata) are ignored
        const state = pop();
        const obj = top();
        if (typeof obj === 'object' && obj !== null && (obj as PickleObject).kind === 'object') (obj as PickleObject).state = state;
        break;
      }
      case 0x51: { // BINPERSID
        const pid = pop();
        if (!opts.persistentLoad) throw new InputError(`${name} refers to external data (a persistent id), which this reader does not follow.`, FIX);
        stack.push(opts.persistentLoad(pid));
        break;
      }
      case 0x50: throw new InputError(`${name} uses a text persistent id, which this reader does not follow.`, FIX); // PERSID
      default:
        throw new InputError(`${name}: refused pickle opcode 0x${op.toString(16).padStart(2, '0')} at byte ${at} (${opName(op)}).`, FIX);
    }
  }
}

/** Names of the opcodes that are refused on purpose (they build objects this reader does not allow). */
function opName(op: number): string {
  const names: Record<number, string> = { 0x69: 'INST', 0x6f: 'OBJ', 0x82: 'EXT1', 0x83: 'EXT2', 0x84: 'EXT4', 0x96: 'BYTEARRAY8', 0x97: 'NEXT_BUFFER', 0x98: 'READONLY_BUFFER' };
  return names[op] ?? 'not a pickle opcode this reader knows';
}
