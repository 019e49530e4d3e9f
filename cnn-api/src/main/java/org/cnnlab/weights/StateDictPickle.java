package org.cnnlab.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict reader for the one kind of pickle that {@code torch.save(model.state_dict(), path)} writes: an
 * ordered dict from names to tensors, each tensor a call of {@code torch._utils._rebuild_tensor_v2} on a
 * storage that lives in its own file of the zip.
 *
 * <p>Python's own unpickler calls whatever function a file names, so opening an untrusted pickle can run
 * any code. This reader runs nothing: it knows a short list of opcodes and only the functions a state
 * dict uses, builds plain Java values for them, and refuses everything else with the name of what it met.
 */
final class StateDictPickle {
    /** A Python name a pickle refers to, such as {@code collections.OrderedDict}. */
    record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    /** A storage: element type, its file's key in the zip ({@code data/0}), and its length in elements. */
    record Storage(String type, String key, long size) {}

    /** A tensor: a view of a storage from {@code offset}, with a size and a stride per dimension. */
    record Tensor(Storage storage, long offset, long[] size, long[] stride) {}

    private static final Object MARK = new Object();
    private static final Object NONE = new Object();
    private static final Set<String> STORAGES = Set.of("FloatStorage", "DoubleStorage", "HalfStorage",
            "BFloat16Storage", "LongStorage", "IntStorage", "ShortStorage", "CharStorage", "ByteStorage", "BoolStorage");

    private final ByteBuffer in;
    private final String source;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private StateDictPickle(byte[] bytes, String source) {
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.source = source;
    }

    /** The dict a state-dict pickle holds: names to tensors (other values, such as metadata, are kept as read). */
    static Map<String, Object> read(byte[] pickle, String source) {
        StateDictPickle reader = new StateDictPickle(pickle, source);
        Object top;
        try {
            top = reader.run();
        } catch (WeightFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw reader.refuse("it is damaged or not a state dict (" + e + ")", null);
        }
        if (!(top instanceof Map)) {
            throw reader.refuse("it holds a " + describe(top) + ", not a dict of tensors", null);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) top).entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    private Object run() {
        while (in.hasRemaining()) {
            int op = in.get() & 0xff;
            if (op == '.') {
                return pop();
            }
            step(op);
        }
        throw refuse("it ends without the STOP opcode: the file is cut short", null);
    }

    private void step(int op) {
        switch (op) {
            case 0x80 -> in.get();                       // PROTO n
            case 0x95 -> in.getLong();                   // FRAME size (protocol 4)
            case '(' -> marks.add(stack.size());         // MARK
            case ')' -> push(new Object[0]);             // EMPTY_TUPLE
            case ']' -> push(new ArrayList<>());         // EMPTY_LIST
            case '}' -> push(new LinkedHashMap<>());     // EMPTY_DICT
            case 't' -> push(popMark().toArray());       // TUPLE
            case 0x85, 0x86, 0x87 -> push(popN(op - 0x84).toArray()); // TUPLE1..3
            case 'N' -> push(NONE);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'K' -> push((long) (in.get() & 0xff));  // BININT1
            case 'M' -> push((long) (in.getShort() & 0xffff)); // BININT2
            case 'J' -> push((long) in.getInt());        // BININT
            case 0x8a -> push(long1(in.get() & 0xff));   // LONG1
            case 'G' -> push(in.order(ByteOrder.BIG_ENDIAN).getDouble()); // BINFLOAT, big-endian
            case 'X' -> push(text(in.getInt()));         // BINUNICODE
            case 0x8c -> push(text(in.get() & 0xff));    // SHORT_BINUNICODE
            case 'q' -> memo.put((long) (in.get() & 0xff), peek()); // BINPUT
            case 'r' -> memo.put(in.getInt() & 0xffffffffL, peek()); // LONG_BINPUT
            case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
            case 'h' -> push(memo((long) (in.get() & 0xff))); // BINGET
            case 'j' -> push(memo(in.getInt() & 0xffffffffL)); // LONG_BINGET
            case 'c' -> push(allowed(new Global(line(), line()))); // GLOBAL
            case 0x93 -> {                                // STACK_GLOBAL
                String name = (String) pop();
                push(allowed(new Global((String) pop(), name)));
            }
            case 'Q' -> push(storage(pop()));             // BINPERSID
            case 'R' -> {                                 // REDUCE
                Object[] args = (Object[]) pop();
                push(call(pop(), args));
            }
            case 'b' -> pop();                            // BUILD: an OrderedDict's _metadata, not needed
            case 's' -> {                                 // SETITEM
                Object value = pop();
                Object key = pop();
                dict(peek()).put(key, value);
            }
            case 'u' -> {                                 // SETITEMS
                List<Object> items = popMark();
                Map<Object, Object> d = dict(peek());
                for (int i = 0; i + 1 < items.size(); i += 2) {
                    d.put(items.get(i), items.get(i + 1));
                }
            }
            case 'a' -> {                                 // APPEND
                Object value = pop();
                list(peek()).add(value);
            }
            case 'e' -> {                                 // APPENDS
                List<Object> items = popMark();
                list(peek()).addAll(items);
            }
            default -> throw refuse(String.format("it uses pickle opcode 0x%02x ('%c') at byte %d, which state dicts "
                    + "do not use", op, (char) op, in.position() - 1), null);
        }
        in.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Only the functions a state dict names; anything else would be code to run, and is refused. */
    private Global allowed(Global g) {
        boolean ok = g.module().equals("collections") && g.name().equals("OrderedDict")
                || g.module().equals("torch._utils") && g.name().equals("_rebuild_tensor_v2")
                || g.module().equals("torch") && STORAGES.contains(g.name());
        if (!ok) {
            throw refuse("it names " + g + ", which a state dict never does", g);
        }
        return g;
    }

    private Object call(Object function, Object[] args) {
        Global g = (Global) function;
        if (g.name().equals("OrderedDict")) {
            return new LinkedHashMap<>();
        }
        if (g.name().equals("_rebuild_tensor_v2") && args.length >= 4 && args[0] instanceof Storage) {
            return new Tensor((Storage) args[0], (Long) args[1], longs(args[2]), longs(args[3]));
        }
        throw refuse("it calls " + g + " with arguments cnnlab does not know", g);
    }

    /** A persistent id: ('storage', torch.FloatStorage, key, location, size). */
    private Object storage(Object pid) {
        if (pid instanceof Object[] t && t.length == 5 && "storage".equals(t[0]) && t[1] instanceof Global g) {
            return new Storage(g.name().replace("Storage", ""), String.valueOf(t[2]), (Long) t[4]);
        }
        throw refuse("it refers to an outside object " + describe(pid) + " that is not a tensor storage", null);
    }

    private static long[] longs(Object tuple) {
        Object[] t = (Object[]) tuple;
        long[] out = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = (Long) t[i];
        }
        return out;
    }

    private long long1(int n) {
        if (n > 8) {
            throw refuse("it holds an integer of " + n + " bytes, larger than any a state dict uses", null);
        }
        byte[] b = new byte[n];
        in.get(b);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return n > 0 && n < 8 && b[n - 1] < 0 ? v - (1L << (8 * n)) : v;
    }

    private String text(int length) {
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private String line() {
        StringBuilder b = new StringBuilder();
        for (byte c = in.get(); c != '\n'; c = in.get()) {
            b.append((char) c);
        }
        return b.toString();
    }

    private Object memo(long key) {
        if (!memo.containsKey(key)) {
            throw refuse("it refers back to object " + key + ", which it never stored", null);
        }
        return memo.get(key);
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object o) {
        if (o instanceof Map) {
            return (Map<Object, Object>) o;
        }
        throw refuse("it sets an item on a " + describe(o), null);
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) {
        if (o instanceof List) {
            return (List<Object>) o;
        }
        throw refuse("it appends to a " + describe(o), null);
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw refuse("it reads from an empty stack: the file is damaged", null);
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() {
        Object o = peek();
        stack.remove(stack.size() - 1);
        return o;
    }

    private List<Object> popN(int n) {
        List<Object> out = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return out;
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw refuse("it closes a group it never opened: the file is damaged", null);
        }
        return popN(stack.size() - marks.remove(marks.size() - 1));
    }

    private static String describe(Object o) {
        return o == null || o == NONE ? "None" : o instanceof Object[] ? "tuple" : o.getClass().getSimpleName();
    }

    private WeightFileException refuse(String why, Global global) {
        String hint = global != null && global.module().startsWith("torch.nn")
                ? "\nIt looks like a whole model saved with torch.save(model, path). Save its weights instead: "
                        + "torch.save(model.state_dict(), path)."
                : "\ncnnlab reads PyTorch state dicts (torch.save(model.state_dict(), path)) and runs no code from "
                        + "a file; for anything else, save the weights as .safetensors.";
        return new WeightFileException("Refusing to read " + source + ": " + why + "." + hint);
    }
}
