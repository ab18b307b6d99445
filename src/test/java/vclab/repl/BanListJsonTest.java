package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vclab.cli.CliReply;
import vclab.instance.InstanceOptions;
import vclab.instance.ModelHost;
import vclab.model.Models;
import vclab.testing.SharedFolder;
import vclab.vrt.PokeOutcome;

/** {@code ban.list -j} of the 7.1 dialect against varnishd 7.1.1's golden transcript. */
class BanListJsonTest {
    /** Replaces the epoch times, which differ from run to run. */
    private static String masked(String body) {
        return body.replaceAll("\\d{10}\\.\\d+", "<t>");
    }

    private static String goldenBody() throws Exception {
        Path file = SharedFolder.resolve("golden/varnish-7.1.1/transcripts.json");
        for (JsonNode entry : new ObjectMapper().readTree(file.toFile()).get("json")) {
            if ("ban.list -j".equals(entry.path("label").asText(null))) {
                String reply = entry.get("reply").asText();
                return reply.substring(0, reply.length() - 1);
            }
        }
        throw new AssertionError("no 'ban.list -j' entry in " + file);
    }

    @Test
    void banListJsonMatchesVarnishd() throws Exception {
        String expected = masked(goldenBody());
        InstanceOptions options = new InstanceOptions("test", List.of("-b", "none"),
                Models.byId("v7.4"), null, (h, p, x) -> PokeOutcome.REFUSED_NOW, false,
                Path.of("").toAbsolutePath(), 4199);
        try (ModelHost host = ModelHost.start(options, false);
                EmbeddedChannel channel = new EmbeddedChannel(host.instance())) {
            RequestFraming framing = new RequestFraming(host.instance().dialect(),
                    java.nio.charset.StandardCharsets.UTF_8);
            CliReply reply = channel.send(framing.frame("ban.list -j").requests().get(0)).get();
            assertEquals(expected, masked(reply.body()));
        }
    }
}
