package vclab.vcc;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What VCC learns from compiling the builtin VCL on its own: the subroutines it defines,
 * which user VCL may extend, and their names in order for the "Valid vcl_* subroutines"
 * list. Immutable, so one can be shared by all compilations with the same builtin.
 *
 * @param procNames every subroutine of the builtin: the methods in Varnish's order, then
 *     the others in definition order
 * @param error VCC's text when the builtin VCL itself does not compile, else null
 */
record BuiltinInfo(List<String> procNames, Set<String> subNames, String error) {

    BuiltinInfo {
        procNames = List.copyOf(procNames);
        subNames = subNames.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the builtin has a subroutine of this name (compared ignoring case). */
    boolean definesSub(String name) {
        return subNames.contains(name.toLowerCase(Locale.ROOT));
    }
}
