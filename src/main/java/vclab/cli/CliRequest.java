package vclab.cli;

import java.util.List;

/**
 * One complete CLI request as the framing layer delivers it.
 *
 * @param argv the words after tokenizing, with a here-document body merged in as the last
 *     word; empty when the line held no words
 * @param syntaxError the tokenizer's message ("Invalid backslash sequence" and the like) when
 *     the line could not be tokenized, else null
 * @param text the request as received (line plus here-document), for logs
 */
public record CliRequest(List<String> argv, String syntaxError, String text) {
    public CliRequest {
        argv = List.copyOf(argv);
    }
}
