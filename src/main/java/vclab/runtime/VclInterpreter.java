package vclab.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vclab.vcc.CompiledVcl;
import vclab.vcc.VclExpr;
import vclab.vcc.VclProbe;
import vclab.vcc.VclStatement;
import vclab.vcc.VclSub;
import vclab.vcc.VclType;
import vclab.vmod.Dur;
import vclab.vmod.Vmod;
import vclab.vmod.VmodObject;
import vclab.vrt.Director;
import vclab.vrt.DirectorSlot;
import vclab.vrt.ProbeSpec;
import vclab.vrt.VrtCtx;

/**
 * Runs VCL statements of a compiled VCL: vcl_init and vcl_fini in full, and the subs of
 * simulated tasks as far as they matter without HTTP: VMOD calls, {@code new}, backend
 * assignments (which count references as VRT_Assign_Backend does), {@code return} and
 * conditions. Headers and bodies are plain strings; nothing is sent anywhere.
 */
public final class VclInterpreter {
    /** What one run of a sub sees and leaves behind. */
    public static final class Task {
        VrtCtx ctx;
        final ProgramBuilder.Scope scope;
        final Map<String, Object> variables = new LinkedHashMap<>();
        final Map<String, DirectorSlot> backendVariables = new LinkedHashMap<>();
        /** The action of the last {@code return}, or null. */
        public String returned;
        /** The label of {@code return (vcl(label))}, or null. */
        public String vclLabel;

        public Task(VrtCtx ctx, ProgramBuilder.Scope scope) {
            this.ctx = ctx;
            this.scope = scope;
        }

        /** Switches the context, when a task moves on to its next VCL method. */
        public void use(VrtCtx next) {
            this.ctx = next;
        }

        public Object get(String variable) {
            return variables.get(variable);
        }

        public void set(String variable, Object value) {
            variables.put(variable, value);
        }

        /** The slot of a backend variable, created empty on first use. */
        public DirectorSlot backendSlot(String variable) {
            return backendVariables.computeIfAbsent(variable, DirectorSlot::new);
        }

        /** The director slots this task assigned, for releasing their references. */
        public List<DirectorSlot> backendSlots() {
            return new ArrayList<>(backendVariables.values());
        }
    }

    /** Thrown to leave a sub at {@code return}. */
    private static final class ReturnSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReturnSignal() {
            super(null, null, false, false);
        }
    }

    private static final ReturnSignal RETURN = new ReturnSignal();

    private final CompiledVcl vcl;

    public VclInterpreter(CompiledVcl vcl) {
        this.vcl = vcl;
    }

    /** Runs every body of sub {@code name}, if the VCL has it. */
    public void runSub(String name, Task task) {
        VclSub sub = vcl.sub(name).orElse(null);
        if (sub == null) {
            return;
        }
        try {
            for (VclStatement.Block b : sub.bodies()) {
                block(b, task);
            }
        } catch (ReturnSignal r) {
            // the sub returned
        }
    }

    private void block(VclStatement.Block b, Task task) {
        for (VclStatement s : b.body()) {
            if (task.ctx.failed) {
                throw RETURN;
            }
            statement(s, task);
        }
    }

    private void statement(VclStatement s, Task task) {
        if (s instanceof VclStatement.Block b) {
            block(b, task);
        } else if (s instanceof VclStatement.If i) {
            if (truth(eval(i.condition(), task))) {
                block(i.then(), task);
                return;
            }
            for (VclStatement.ElseIf e : i.elseIfs()) {
                if (truth(eval(e.condition(), task))) {
                    block(e.body(), task);
                    return;
                }
            }
            if (i.otherwise() != null) {
                block(i.otherwise(), task);
            }
        } else if (s instanceof VclStatement.Set set) {
            assign(set, task);
        } else if (s instanceof VclStatement.Unset u) {
            task.variables.remove(u.target().fullName());
        } else if (s instanceof VclStatement.Call c) {
            if (c.target() instanceof VclExpr.SubRef ref) {
                runCalled(ref.name(), task);
            }
        } else if (s instanceof VclStatement.Return r) {
            doReturn(r, task);
        } else if (s instanceof VclStatement.New n) {
            construct(n, task);
        } else if (s instanceof VclStatement.Expression e) {
            eval(e.call(), task);
        }
        // synthetic, ban, hash_data and inline C have no effect without traffic
    }

    private void runCalled(String name, Task task) {
        VclSub sub = vcl.sub(name).orElse(null);
        if (sub == null) {
            return;
        }
        for (VclStatement.Block b : sub.bodies()) {
            block(b, task);
        }
    }

    private void doReturn(VclStatement.Return r, Task task) {
        task.returned = r.action();
        if ("fail".equals(r.action())) {
            String text = r.args().isEmpty() ? "Failed from VCL"
                    : String.valueOf(eval(r.args().get(0), task));
            task.ctx.fail(text);
        } else if ("vcl".equals(r.action()) && !r.args().isEmpty()
                && r.args().get(0) instanceof VclExpr.LabelRef l) {
            task.vclLabel = l.name();
        }
        throw RETURN;
    }

    private void construct(VclStatement.New n, Task task) {
        Vmod.Instance inst = task.scope.vmods.get(n.vmod());
        List<Object> args = arguments(n.constructor().args(), task);
        VmodObject obj = inst.construct(task.ctx, n.objectClass(), n.name(), args);
        task.scope.objects.put(n.name(), obj);
    }

    private void assign(VclStatement.Set set, Task task) {
        String name = set.target().fullName();
        Object value = eval(set.value(), task);
        if (set.target().type() == VclType.BACKEND) {
            task.scope.loaded.child().vrt().assignBackend(task.backendSlot(name),
                    (Director) value);
            return;
        }
        Object old = task.variables.get(name);
        switch (set.op()) {
            case ADD -> value = arithmetic(VclExpr.Op.ADD, old, value);
            case SUB -> value = arithmetic(VclExpr.Op.SUB, old, value);
            case MUL -> value = arithmetic(VclExpr.Op.MUL, old, value);
            case DIV -> value = arithmetic(VclExpr.Op.DIV, old, value);
            default -> {
            }
        }
        task.variables.put(name, value);
    }

    // ---------------------------------------------------------------- expressions

    Object eval(VclExpr e, Task task) {
        if (e == null) {
            return null;
        }
        if (e instanceof VclExpr.StringLiteral s) {
            return s.value();
        } else if (e instanceof VclExpr.IntLiteral i) {
            return i.value();
        } else if (e instanceof VclExpr.RealLiteral r) {
            return r.value();
        } else if (e instanceof VclExpr.DurationLiteral d) {
            return new Dur(Math.round(d.seconds() * 1e9));
        } else if (e instanceof VclExpr.BytesLiteral b) {
            return b.bytes();
        } else if (e instanceof VclExpr.BoolLiteral b) {
            return b.value();
        } else if (e instanceof VclExpr.IpLiteral ip) {
            return ip.address();
        } else if (e instanceof VclExpr.RegexLiteral r) {
            return r.pattern();
        } else if (e instanceof VclExpr.EnumLiteral en) {
            return en.value();
        } else if (e instanceof VclExpr.NullValue) {
            return null;
        } else if (e instanceof VclExpr.BackendRef b) {
            return task.scope.backends.get(b.name());
        } else if (e instanceof VclExpr.DefaultBackend) {
            return task.scope.loaded.defaultDirector();
        } else if (e instanceof VclExpr.ProbeRef p) {
            return vcl.probe(p.name()).map(VclInterpreter::probe).orElse(null);
        } else if (e instanceof VclExpr.DefaultProbe) {
            return task.scope.loaded.defaultProbe();
        } else if (e instanceof VclExpr.InstanceRef i) {
            return task.scope.objects.get(i.name());
        } else if (e instanceof VclExpr.LabelRef l) {
            return l.name();
        } else if (e instanceof VclExpr.Variable v) {
            if (v.type() == VclType.BACKEND) {
                DirectorSlot slot = task.backendVariables.get(v.fullName());
                return slot == null ? null : slot.value;
            }
            return task.variables.get(v.fullName());
        } else if (e instanceof VclExpr.VmodCall c) {
            Vmod.Instance inst = task.scope.vmods.get(c.vmod());
            return inst.call(task.ctx, c.function(), arguments(c.args(), task),
                    given(c.args()));
        } else if (e instanceof VclExpr.MethodCall m) {
            VmodObject obj = task.scope.objects.get(m.instance());
            if (obj == null) {
                task.ctx.fail("Object " + m.instance() + " not initialized");
                return null;
            }
            return obj.call(task.ctx, m.method(), arguments(m.args(), task));
        } else if (e instanceof VclExpr.Not n) {
            return !truth(eval(n.operand(), task));
        } else if (e instanceof VclExpr.Negate n) {
            return arithmetic(VclExpr.Op.SUB, 0L, eval(n.operand(), task));
        } else if (e instanceof VclExpr.Binary b) {
            return binary(b, task);
        } else if (e instanceof VclExpr.Concat c) {
            StringBuilder sb = new StringBuilder();
            for (VclExpr part : c.parts()) {
                Object v = eval(part, task);
                sb.append(v == null ? "" : text(v));
            }
            return sb.toString();
        } else if (e instanceof VclExpr.ToString t) {
            Object v = eval(t.value(), task);
            return v == null ? null : text(v);
        } else if (e instanceof VclExpr.ToBool t) {
            return truth(eval(t.value(), task));
        } else if (e instanceof VclExpr.Regsub r) {
            return regsub(r, task);
        } else if (e instanceof VclExpr.TypeMethod t) {
            Object v = eval(t.target(), task);
            return switch (t.method()) {
                case "upper" -> v == null ? null : text(v).toUpperCase(Locale.ROOT);
                case "lower" -> v == null ? null : text(v).toLowerCase(Locale.ROOT);
                default -> v;
            };
        }
        return null;
    }

    /** Returns, in the order of {@link #arguments}, whether the VCL gave each argument. */
    private static List<Boolean> given(List<VclExpr.Argument> args) {
        List<Boolean> out = new ArrayList<>();
        for (VclExpr.Argument a : args) {
            if (a.priv() == null) {
                out.add(a.given());
            }
        }
        return out;
    }

    private List<Object> arguments(List<VclExpr.Argument> args, Task task) {
        List<Object> out = new ArrayList<>();
        for (VclExpr.Argument a : args) {
            if (a.priv() != null) {
                continue;
            }
            out.add(a.value() == null ? null : eval(a.value(), task));
        }
        return out;
    }

    private Object binary(VclExpr.Binary b, Task task) {
        switch (b.op()) {
            case AND:
                return truth(eval(b.left(), task)) && truth(eval(b.right(), task));
            case OR:
                return truth(eval(b.left(), task)) || truth(eval(b.right(), task));
            default:
                break;
        }
        Object l = eval(b.left(), task);
        Object r = eval(b.right(), task);
        switch (b.op()) {
            case MATCH:
                return l != null && Pattern.compile(String.valueOf(r)).matcher(text(l)).find();
            case NOMATCH:
                return l == null || !Pattern.compile(String.valueOf(r)).matcher(text(l)).find();
            case EQ:
                return compare(l, r) == 0;
            case NE:
                return compare(l, r) != 0;
            case LT:
                return compare(l, r) < 0;
            case GT:
                return compare(l, r) > 0;
            case LE:
                return compare(l, r) <= 0;
            case GE:
                return compare(l, r) >= 0;
            default:
                return arithmetic(b.op(), l, r);
        }
    }

    private static int compare(Object l, Object r) {
        if (l instanceof Number || l instanceof Dur) {
            return Double.compare(number(l), number(r));
        }
        if (l == null || r == null) {
            return l == r ? 0 : 1;
        }
        if (l instanceof String || r instanceof String) {
            return text(l).compareTo(text(r));
        }
        return l.equals(r) ? 0 : 1;
    }

    private static Object arithmetic(VclExpr.Op op, Object l, Object r) {
        boolean dur = l instanceof Dur || r instanceof Dur;
        boolean real = l instanceof Double || r instanceof Double;
        double a = number(l);
        double b = number(r);
        double v = switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> b == 0 ? 0 : a / b;
            case MOD -> b == 0 ? 0 : a % b;
            default -> 0;
        };
        if (dur) {
            return new Dur(Math.round(v * 1e9));
        }
        if (real) {
            return v;
        }
        if (l instanceof String || r instanceof String) {
            return (l == null ? "" : text(l)) + (r == null ? "" : text(r));
        }
        return (long) v;
    }

    private static double number(Object o) {
        if (o instanceof Dur d) {
            return d.seconds();
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return 0;
    }

    static boolean truth(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Dur d) {
            return d.nanos() > 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return v != null;
    }

    /** VCC's conversion of a value to a string. */
    static String text(Object v) {
        if (v instanceof Dur d) {
            return String.format(Locale.ROOT, "%.3f", d.seconds());
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Director d) {
            return d.name();
        }
        return String.valueOf(v);
    }

    private Object regsub(VclExpr.Regsub r, Task task) {
        Object subject = eval(r.subject(), task);
        String re = String.valueOf(eval(r.regex(), task));
        String replacement = String.valueOf(eval(r.replacement(), task))
                .replaceAll("\\\\([0-9])", "\\$$1");
        String s = subject == null ? "" : text(subject);
        return r.all() ? s.replaceAll(re, replacement) : s.replaceFirst(re, replacement);
    }

    /** A probe declaration as the runtime uses it, defaults applied. */
    static ProbeSpec probe(VclProbe p) {
        String request = p.request().map(lines -> String.join("\r\n", lines) + "\r\n\r\n")
                .orElse(null);
        return ProbeSpec.withDefaults(p.kind() == VclProbe.Kind.INLINE ? null : p.name(),
                p.url().orElse("/"), request, Math.round(p.timeout() * 1e9),
                Math.round(p.interval() * 1e9), p.window(), p.threshold(), p.initial(),
                p.expectedResponse());
    }
}
