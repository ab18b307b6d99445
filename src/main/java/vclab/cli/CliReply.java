package vclab.cli;

/**
 * One CLI response: a status code and a body, which the wire protocol frames as
 * {@code "%-3d %-8d\n" + body + "\n"}.
 */
public record CliReply(int status, String body) {
    public static CliReply ok(String body) {
        return new CliReply(CliStatus.OK, body);
    }

    /** True for 200 and 201, the statuses varnishadm treats as success. */
    public boolean isSuccess() {
        return status == CliStatus.OK || status == CliStatus.TRUNCATED;
    }
}
