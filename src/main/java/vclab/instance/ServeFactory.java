package vclab.instance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vclab.ServeCommand;
import vclab.model.Models;
import vclab.vrt.PokeOutcome;

/** Puts the model behind {@code vclab serve}: one simulated varnishd in the background. */
public final class ServeFactory {
    private ServeFactory() {
    }

    public static Optional<ServeCommand.Backend> create(ServeCommand.Settings s)
            throws IOException {
        List<String> argv = new ArrayList<>();
        if (s.workdir() != null) {
            argv.addAll(List.of("-n", s.workdir().toString()));
        }
        if (s.secretFile() != null) {
            argv.addAll(List.of("-S", s.secretFile().toString()));
        }
        argv.addAll(s.varnishdArgs());
        InstanceOptions options = new InstanceOptions("serve", argv,
                s.model() != null ? Models.byId(s.model()) : Models.defaultModel(), s.dialect(),
                (host, port, path) -> PokeOutcome.REFUSED_NOW, false,
                Path.of("").toAbsolutePath(), System.nanoTime());
        ModelHost host;
        try {
            host = ModelHost.start(options, s.realtime());
        } catch (InstanceException e) {
            throw new IOException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the model");
        }
        Instance inst = host.instance();
        return Optional.of(new ServeCommand.Backend(inst,
                () -> Duration.ofNanos(inst.params().durationNanos("cli_timeout"))));
    }
}
