package vclab.vcc;

import java.util.List;
import java.util.Optional;

/**
 * The declarations of a VMOD that VCC reads: functions, object classes with their
 * constructors and methods, and aliases. The runtime registers its implementations under
 * the same names.
 *
 * @param hasEvent whether the VMOD has an event function, so that it receives
 *     VCL_EVENT_LOAD, WARM, COLD and DISCARD
 */
public record VmodSpec(String name, boolean hasEvent, List<Function> functions,
        List<ObjectClass> objects, List<Alias> aliases) {

    public VmodSpec {
        functions = List.copyOf(functions);
        objects = List.copyOf(objects);
        aliases = List.copyOf(aliases);
    }

    /**
     * A function, method or constructor. Constructors return VOID.
     *
     * @param args the parameters in declaration order, PRIV_* parameters included
     */
    public record Function(String name, VclType returnType, List<Arg> args) {
        public Function {
            args = List.copyOf(args);
        }

        /**
         * Returns whether arguments are passed in a struct, which lets a parameter be
         * optional; vmodtool makes one exactly when some parameter is optional.
         */
        public boolean hasStructArgs() {
            return args.stream().anyMatch(Arg::optional);
        }
    }

    /**
     * A parameter.
     *
     * @param type the VCL type; null for a PRIV_* parameter, which VCL code never passes
     * @param name the name, or null for an unnamed parameter
     * @param defaultValue the default as written in the spec ("text", 1.5, true, null, an
     *     ENUM value), or null if there is none
     * @param enumValues the values an ENUM accepts, in declaration order
     * @param optional whether the parameter may be left out without a default
     * @param priv "PRIV_CALL", "PRIV_VCL", "PRIV_TASK" or "PRIV_TOP"; null otherwise
     */
    public record Arg(VclType type, String name, String defaultValue, List<String> enumValues,
            boolean optional, String priv) {
        public Arg {
            enumValues = List.copyOf(enumValues);
        }
    }

    /** An object class, instantiated with {@code new x = vmod.class(...)} in vcl_init. */
    public record ObjectClass(String name, boolean nullOk, Function constructor,
            List<Function> methods) {
        public ObjectClass {
            methods = List.copyOf(methods);
        }

        public Optional<Function> method(String methodName) {
            return methods.stream().filter(m -> m.name().equals(methodName)).findFirst();
        }
    }

    /** Another name for a function or method ("obj.bar" for "obj.foo"). */
    public record Alias(String name, String target) {
    }

    public Optional<Function> function(String functionName) {
        return functions.stream().filter(f -> f.name().equals(functionName)).findFirst();
    }

    public Optional<ObjectClass> object(String className) {
        return objects.stream().filter(o -> o.name().equals(className)).findFirst();
    }
}
