package vclab.repl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.CliStatus;

/**
 * The queries completion sends to the server, over the user's own session as varnishadm
 * does with {@code help -j}. Every Tab sends the queries it needs afresh, and each result is
 * also kept. The last good answer is used while the session is busy with the user's commands
 * (a query would wait behind them), and when a query fails or times out. Nothing a query
 * returns is printed.
 *
 * <p>Used by the line editor's thread only.
 */
final class CompletionQueries {
    private static final System.Logger LOG = System.getLogger(CompletionQueries.class.getName());

    private final CliChannel channel;
    private final RequestFraming framing;
    private final Duration timeout;
    /** The body of the last successful reply to each query. */
    private final Map<String, String> lastGood = new HashMap<>();

    /** @param timeout how long one Tab waits for a reply before it uses the last good one */
    CompletionQueries(CliChannel channel, RequestFraming framing, Duration timeout) {
        this.channel = channel;
        this.framing = framing;
        this.timeout = timeout;
    }

    /** Names of every command: {@code help -j}, plus vclab's own from {@code debug.vclab}. */
    List<String> commandNames() {
        List<String> names = new ArrayList<>(JsonReplies.texts(json("help -j"), "request"));
        for (String line : lines("debug.vclab")) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                String name = firstWord(line);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * The VCLs and labels {@code vcl.list -j} lists, in its order.
     *
     * @param name the VCL's or label's name
     * @param label whether it is a label (its state is {@code label})
     */
    record Vcl(String name, boolean label) {
    }

    List<Vcl> vcls() {
        List<Vcl> vcls = new ArrayList<>();
        for (JsonNode vcl : json("vcl.list -j")) {
            if (vcl.path("name").isTextual()) {
                vcls.add(new Vcl(vcl.path("name").asText(),
                        "label".equals(vcl.path("state").asText())));
            }
        }
        return vcls;
    }

    /** Returns every backend of every VCL, as {@code vcl.backend}, from backend.list -j. */
    List<String> backendNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode element : json("backend.list -j *.*")) {
            Iterator<String> fields = element.fieldNames();
            fields.forEachRemaining(names::add);
        }
        return names;
    }

    /** Parameter names from {@code param.show -j}, with whether each is a boolean. */
    Map<String, Boolean> parameters() {
        Map<String, Boolean> params = new java.util.LinkedHashMap<>();
        for (JsonNode param : json("param.show -j")) {
            if (param.path("name").isTextual()) {
                params.put(param.path("name").asText(), "bool".equals(param.path("units")
                        .asText()));
            }
        }
        return params;
    }

    /** Injection point names, the first word of each line of {@code debug.points}. */
    List<String> injectionPoints() {
        List<String> names = new ArrayList<>();
        for (String line : lines("debug.points")) {
            if (!line.isBlank()) {
                names.add(firstWord(line));
            }
        }
        return names;
    }

    /**
     * Returns the injection rules {@code debug.inject} lists, one {@code "<id>: <spec>"} line
     * each, as the id followed by the words of the spec.
     */
    List<List<String>> injections() {
        List<List<String>> rules = new ArrayList<>();
        for (String line : lines("debug.inject")) {
            int colon = line.indexOf(": ");
            if (colon > 0 && line.substring(0, colon).chars().allMatch(Character::isDigit)) {
                List<String> words = new ArrayList<>();
                words.add(line.substring(0, colon));
                words.addAll(List.of(line.substring(colon + 2).trim().split("\\s+")));
                rules.add(words);
            }
        }
        return rules;
    }

    private List<JsonNode> json(String query) {
        String body = body(query);
        return body == null ? List.of() : JsonReplies.payload(body);
    }

    private List<String> lines(String query) {
        String body = body(query);
        return body == null ? List.of() : List.of(body.split("\n"));
    }

    /** Returns the body of a fresh successful reply, else the last good one, else null. */
    private String body(String query) {
        CliRequest request = framing.frame(query).requests().get(0);
        boolean busy = channel.outstanding() > 0 && !channel.answersAtOnce(request);
        if (busy || channel.isClosed()) {
            return lastGood.get(query);
        }
        CompletableFuture<CliReply> future = channel.send(request);
        try {
            CliReply reply = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.isSuccess()) {
                lastGood.put(query, reply.body());
                return reply.body();
            }
            if (reply.status() != CliStatus.COMMS) {
                // The server answered, and the answer is no: an old list would mislead.
                lastGood.remove(query);
                return null;
            }
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "completion query {0} timed out", query);
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "completion query {0} failed: {1}", query,
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lastGood.get(query);
    }

    private static String firstWord(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
