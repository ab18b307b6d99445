package vclab.sched;

/**
 * A named injection point: a place in the model where another thread can run and change the
 * outcome. The model declares its points; the scheduler only matches them by name.
 *
 * @param name dotted name such as {@code vcl_send_event.inside}
 * @param description one line for listings
 */
public record Point(String name, String description) {
    @Override
    public String toString() {
        return name;
    }
}
