package vclab.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.Dialect;
import vclab.instance.Instance;
import vclab.instance.InstanceOptions;
import vclab.instance.ModelHost;
import vclab.model.Models;
import vclab.vrt.PokeOutcome;

/**
 * A simulated varnishd for the tests and a session with it that records every request it
 * sends. It starts without a boot VCL ({@code -f ''}), so no child runs, unless the test
 * passes {@code -b}.
 */
final class TestModel implements AutoCloseable {
    private final ModelHost host;
    private final Recording channel;

    private TestModel(ModelHost host) {
        this.host = host;
        this.channel = new Recording(new EmbeddedChannel(host.instance()));
    }

    static TestModel start(boolean realtime, String... varnishdArgs) throws Exception {
        List<String> argv = new ArrayList<>(List.of(varnishdArgs));
        if (!argv.contains("-b")) {
            argv.addAll(List.of("-f", ""));
        }
        InstanceOptions options = new InstanceOptions("test", argv, Models.defaultModel(),
                null, (h, p, x) -> PokeOutcome.REFUSED_NOW, false,
                Path.of("").toAbsolutePath(), 4199);
        return new TestModel(ModelHost.start(options, realtime));
    }

    static TestModel start() throws Exception {
        return start(false);
    }

    Instance instance() {
        return host.instance();
    }

    Dialect dialect() {
        return host.instance().dialect();
    }

    Recording channel() {
        return channel;
    }

    /** Sends one line on a session of its own and returns the reply. */
    CliReply call(String line) throws Exception {
        try (EmbeddedChannel other = new EmbeddedChannel(host.instance())) {
            return other.send(request(line)).get();
        }
    }

    CliRequest request(String line) {
        return new RequestFraming(dialect(), java.nio.charset.StandardCharsets.UTF_8)
                .frame(line).requests().get(0);
    }

    @Override
    public void close() {
        channel.close();
        host.close();
    }

    /** A channel that keeps the requests sent through it. */
    static final class Recording implements CliChannel {
        private final CliChannel inner;
        private final List<CliRequest> sent = new CopyOnWriteArrayList<>();

        Recording(CliChannel inner) {
            this.inner = inner;
        }

        /** Returns the argument vectors sent so far, in order. */
        List<List<String>> sent() {
            List<List<String>> argvs = new ArrayList<>();
            for (CliRequest r : sent) {
                argvs.add(r.argv());
            }
            return argvs;
        }

        @Override
        public CompletableFuture<CliReply> send(CliRequest request) {
            sent.add(request);
            return inner.send(request);
        }

        @Override
        public boolean answersAtOnce(CliRequest request) {
            return inner.answersAtOnce(request);
        }

        @Override
        public int outstanding() {
            return inner.outstanding();
        }

        @Override
        public boolean isClosed() {
            return inner.isClosed();
        }

        @Override
        public boolean isBroken() {
            return inner.isBroken();
        }

        @Override
        public String failure() {
            return inner.failure();
        }

        @Override
        public void onClose(Runnable action) {
            inner.onClose(action);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
