package vclab.repl;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;

/**
 * A session whose replies the test chooses: a function of the request line. A null reply
 * means the reply never comes, as behind a held command.
 */
final class ScriptedChannel implements CliChannel {
    private final Function<String, CliReply> replies;
    private final Map<String, Integer> counts = new HashMap<>();
    private int outstanding;

    ScriptedChannel(Function<String, CliReply> replies) {
        this.replies = replies;
    }

    /** Pretends that this many of the user's requests are still waiting for their reply. */
    void setOutstanding(int outstanding) {
        this.outstanding = outstanding;
    }

    /** How often a request line was sent. */
    int count(String line) {
        return counts.getOrDefault(line, 0);
    }

    @Override
    public CompletableFuture<CliReply> send(CliRequest request) {
        counts.merge(request.text(), 1, Integer::sum);
        CliReply reply = replies.apply(request.text());
        return reply == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(reply);
    }

    @Override
    public int outstanding() {
        return outstanding;
    }

    @Override
    public boolean isClosed() {
        return false;
    }

    @Override
    public boolean isBroken() {
        return false;
    }

    @Override
    public String failure() {
        return null;
    }

    @Override
    public void onClose(Runnable action) {
    }

    @Override
    public void close() {
    }
}
