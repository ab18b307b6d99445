package vclab.vcl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vclab.sched.Point;

/**
 * The named injection points of the VCL subsystem: places where another thread can run and
 * change the outcome. Every model passes the same points at the same places, so an
 * injection means the same thing under every model.
 */
public final class Points {
    private static final Map<String, Point> ALL = new LinkedHashMap<>();

    // Warm-up (CLI thread)
    public static final Point LOAD_AFTER_LOAD_EVENT = def("vcl_load.after_load_event",
            "vcl.load: LOAD done, warm-up not started");
    public static final Point WARM_BEFORE_LOCK = def("vcl_set_state.warm.before_lock",
            "warm-up: before the checkpoint and the temperature store");
    public static final Point WARM_AFTER_TEMP = def("vcl_set_state.warm.after_temp",
            "warm-up: temperature warm, lock released, VMOD WARM not sent yet");
    public static final Point SEND_EVENT_BEFORE = def("vcl_send_event.before",
            "an event to the VCL's VMODs is about to run");
    public static final Point SEND_EVENT_INSIDE = def("vcl_send_event.inside",
            "inside a VMOD event handler, vcl_init or vcl_fini");
    public static final Point SEND_EVENT_AFTER = def("vcl_send_event.after",
            "the VMOD handlers of an event returned");
    public static final Point BASE_BEFORE = def("backend_event_base.before",
            "a transition's director walk over the base is about to start");
    public static final Point BASE_BETWEEN = def("backend_event_base.between",
            "between two deliveries of a director walk");
    public static final Point WARM_FAIL_AFTER_COLD = def(
            "vcl_set_state.warm_fail.after_cold_event",
            "failed warm-up: VMOD COLD sent, director rollback not started");
    public static final Point DELTA_AFTER_TEMP = def("backend_event_delta.after_temp",
            "failed warm-up: temperature cold, rollback range fixed, first COLD not sent");
    public static final Point DELTA_BETWEEN = def("backend_event_delta.between",
            "between two COLD deliveries of a rollback");
    public static final Point END_ITER_BEFORE_RETIRE = def("vdire_end_iter.before_retire",
            "the last iteration ended; resigned directors detached, not yet retired");

    // Cool-down, poll and discard (CLI thread)
    public static final Point COLD_BEFORE_LOCK = def("vcl_set_state.cold.before_lock",
            "cool-down: busy == 0 was read, the lock not yet taken");
    public static final Point COLD_AFTER_TEMP = def("vcl_set_state.cold.after_temp",
            "cool-down: temperature cold or cooling, before the director walk");
    public static final Point COLD_BEFORE_VMOD_COLD = def("vcl_set_state.cold.before_vmod_cold",
            "cool-down: director walk done, VMOD COLD not sent yet");
    public static final Point POLL_BEFORE = def("VCL_Poll.before",
            "the poll that runs before each child CLI command");
    public static final Point TASK_METHOD = def("task.vcl_method",
            "a simulated request or fetch is about to run a VCL method (vclab's own point)");
    public static final Point VCL_REL = def("VCL_Rel.any",
            "a task released its VCL reference");
    public static final Point KILL_AFTER_DRAIN = def("vcl_KillBackends.after_drain",
            "discard: pending resignations done, DISCARD walk not started");

    // Director creation and deletion (any thread)
    public static final Point ADD_BEFORE_PRECHECK = def("VRT_AddDirector.before_precheck",
            "adding a director: before the unlocked cooling check");
    public static final Point ADD_BEFORE_LOCK = def("VRT_AddDirector.before_lock",
            "adding a director: built, before taking vcl_mtx");
    public static final Point ADD_TRYLOCK_BACKOFF = def("VRT_AddDirector.trylock_backoff",
            "adding a director: try-lock failed, sleeping 10 ms");
    public static final Point ADD_LOCKED = def("VRT_AddDirector.locked",
            "adding a director: vcl_mtx held, temperature read, before the insert");
    public static final Point ADD_AFTER_UNLOCK = def("VRT_AddDirector.after_unlock",
            "adding a director: registered, before the cooling or cold verdict");
    public static final Point DEREF_AFTER_ZERO = def("vcldir_deref.after_zero",
            "a director's last reference went away, not yet resigned");
    public static final Point RESIGN_BEFORE_RETIRE = def("vdire_resign.before_retire",
            "a director was removed from its list, not yet retired");
    public static final Point ASSIGN_AFTER_STORE = def("VRT_Assign_Backend.after_store",
            "an assignment stored the new director, references not yet adjusted");
    public static final Point START_ITER_WAIT = def("vdire_start_iter.wait",
            "an iteration waits for pending resignations");
    public static final Point ITER_BETWEEN = def("vdire_iter.between",
            "between two elements of a backend.list or lookup walk");

    // Probes and manager
    public static final Point VBP_CONTROL_STATE = add(vclab.vrt.Probe.CONTROL_STATE);
    public static final Point VBP_POKE_START = add(vclab.vrt.Probe.POKE_START);
    public static final Point MGT_BETWEEN_COMMANDS = def("mgt.between_commands",
            "the manager's event loop between two commands");
    public static final Point MGT_ASKCHILD = def("mgt.askchild",
            "the manager sent a command to the child and waits for the reply");

    private Points() {
    }

    private static Point def(String name, String description) {
        return add(new Point(name, description));
    }

    private static Point add(Point p) {
        ALL.put(p.name(), p);
        return p;
    }

    /** Every point, in the order above. */
    public static List<Point> all() {
        return List.copyOf(ALL.values());
    }

    /** Every point's name. */
    public static java.util.Set<String> names() {
        return java.util.Set.copyOf(ALL.keySet());
    }
}
