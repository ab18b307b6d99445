package vclab.vcl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The event trace of one simulated varnishd: every event posted to a VMOD or a director,
 * every temperature change, panic and CLI command, in order, with virtual time and the
 * thread that caused it. Off unless enabled, because explorations run millions of steps.
 */
public final class Trace {
    /**
     * One trace entry.
     *
     * @param seconds virtual time in seconds
     * @param thread the simulated thread
     * @param kind "vmod", "director", "temperature", "cli", "panic", "invariant", "thread"
     * @param vcl the VCL concerned, or null
     * @param target the VMOD or director name, or null
     * @param event the event or new state, for example "WARM" or "cooling"
     * @param detail free text, or null
     */
    public record Event(double seconds, String thread, String kind, String vcl, String target,
            String event, String detail) {

        /** One line of the text form. */
        public String toText() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%12.6f %-12s %-11s",
                    seconds, thread, kind));
            if (vcl != null) {
                sb.append(' ').append(vcl);
            }
            if (target != null) {
                sb.append(' ').append(target);
            }
            if (event != null) {
                sb.append(' ').append(event);
            }
            if (detail != null) {
                sb.append(" (").append(detail).append(')');
            }
            return sb.toString();
        }
    }

    private boolean enabled;
    private final List<Event> events = new ArrayList<>();
    private final List<Consumer<Event>> listeners = new ArrayList<>();

    public void enable() {
        enabled = true;
    }

    public boolean isEnabled() {
        return enabled || !listeners.isEmpty();
    }

    public void addListener(Consumer<Event> listener) {
        listeners.add(listener);
    }

    public void add(Event e) {
        if (enabled) {
            events.add(e);
        }
        for (Consumer<Event> l : listeners) {
            l.accept(e);
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The trace as text, one event per line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Event e : events) {
            sb.append(e.toText()).append('\n');
        }
        return sb.toString();
    }

    /** The trace as a JSON array of event objects. */
    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(events) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("trace could not be written as JSON", e);
        }
    }
}
