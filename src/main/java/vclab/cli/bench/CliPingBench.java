package vclab.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vclab.cli.CliClient;
import vclab.cli.CliReply;
import vclab.cli.CliServer;
import vclab.cli.CliStatus;
import vclab.cli.vsm.VsmReader;

/**
 * Measures CLI {@code ping} round trips over one authenticated connection, so that the same
 * client can time vclab's server and a real varnishd side by side (bench/cli-ping.sh).
 *
 * <pre>
 * CliPingBench ping (-T address:port -S secretfile | -n workdir) [-d seconds] [-w seconds]
 * CliPingBench serve-ping -T address:port -S secretfile
 * </pre>
 *
 * {@code ping} prints one line: round trips, seconds, rate and latency percentiles.
 * {@code serve-ping} runs a CliServer with {@link PingOnlyService}, prints the bound address
 * as {@code <address> <port>} and serves until stdin ends.
 */
public final class CliPingBench {
    private CliPingBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("missing mode");
        }
        Map<String, String> options = options(Arrays.asList(args).subList(1, args.length));
        switch (args[0]) {
            case "ping" -> ping(options);
            case "serve-ping" -> servePing(options);
            default -> usage("unknown mode " + args[0]);
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        if (args.size() % 2 != 0) {
            usage("option " + args.get(args.size() - 1) + " needs a value");
        }
        return options;
    }

    private static void usage(String problem) {
        System.err.println("CliPingBench: " + problem + "\nusage: CliPingBench ping"
                + " (-T address:port -S secretfile | -n workdir) [-d seconds] [-w seconds]\n"
                + "       CliPingBench serve-ping -T address:port -S secretfile");
        System.exit(2);
    }

    private static void ping(Map<String, String> options) throws Exception {
        String address = options.get("-T");
        String secret = options.get("-S");
        if (options.containsKey("-n")) {
            VsmReader vsm = VsmReader.attach(Path.of(options.get("-n")), 10, null);
            // varnishd publishes -T a moment after it creates the index.
            for (int i = 0; i < 100 && vsm.dup("Arg", "-T").isEmpty(); i++) {
                Thread.sleep(100);
            }
            address = vsm.dup("Arg", "-T").orElseThrow().split("\n")[0];
            secret = vsm.dup("Arg", "-S").orElseThrow();
        }
        if (address == null || secret == null) {
            usage("give -T and -S, or -n");
        }
        double seconds = Double.parseDouble(options.getOrDefault("-d", "10"));
        double warmup = Double.parseDouble(options.getOrDefault("-w", "2"));

        try (CliClient client = CliClient.connect(address, Duration.ofSeconds(10))) {
            CliReply auth = client.authenticate(Files.readAllBytes(Path.of(secret)));
            if (auth.status() != CliStatus.OK) {
                throw new IOException("auth failed with status " + auth.status());
            }
            measure(client, warmup);
            long[] latencies = measure(client, seconds);
            report(latencies, seconds);
        }
    }

    /** Pings for the given time; returns each round trip's nanoseconds, in order. */
    private static long[] measure(CliClient client, double seconds) throws IOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long[] latencies = new long[1 << 16];
        int count = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            CliReply reply = client.call("ping");
            long took = System.nanoTime() - start;
            if (reply.status() != CliStatus.OK) {
                throw new IOException("ping failed: " + reply.status() + " " + reply.body());
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
        }
        return Arrays.copyOf(latencies, count);
    }

    private static void report(long[] latencies, double seconds) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("pings=%d seconds=%.1f rate=%.0f/s p50=%.1fus p99=%.1fus"
                + " max=%.1fus%n", sorted.length, seconds, sorted.length / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e3);
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length));
        return sorted[index] / 1e3;
    }

    private static void servePing(Map<String, String> options) throws IOException {
        String address = options.get("-T");
        String secret = options.get("-S");
        if (address == null || secret == null) {
            usage("serve-ping needs -T and -S");
        }
        CliServer.Options serverOptions = CliServer.Options.defaults().withAddress(address);
        try (CliServer server = CliServer.start(new PingOnlyService(Path.of(secret)),
                serverOptions)) {
            System.out.print(server.vsmAddressLines());
            System.out.flush();
            while (System.in.read() >= 0) {
                continue;
            }
        }
    }
}
