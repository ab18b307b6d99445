package vclab.vcl;

/**
 * A status and body produced by the model, before the CLI layer frames or truncates it.
 *
 * @param status a CLI status code
 * @param body the text, exactly as varnishd writes it
 */
public record Reply(int status, String body) {
    public static Reply ok() {
        return new Reply(200, "");
    }

    public static Reply ok(String body) {
        return new Reply(200, body);
    }

    public boolean isOk() {
        return status == 200;
    }
}
