package vclab.repl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the payload of a CLI JSON reply, {@code [ version, [argv...], timestamp, payload...]},
 * as far as it goes. A reply cut at {@code cli_limit} (status 201) ends in the middle of an
 * element; the elements before the cut are still returned. 7.1 writes byte 0x0B as {@code \v},
 * which is not JSON; the reader accepts it.
 */
final class JsonReplies {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private JsonReplies() {
    }

    /** Returns the elements after the timestamp; empty when the body is no JSON envelope. */
    static List<JsonNode> payload(String body) {
        List<JsonNode> elements = new ArrayList<>();
        JsonFactory factory = MAPPER.getFactory();
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return elements;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode element = MAPPER.readTree(parser);
                if (index++ >= 3) {
                    elements.add(element);
                }
            }
        } catch (IOException e) {
            // A truncated or malformed reply: keep what was read before the fault.
        }
        return elements;
    }

    /** Returns the text of a member of each object element, skipping those without it. */
    static List<String> texts(List<JsonNode> elements, String member) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : elements) {
            JsonNode value = element.get(member);
            if (value != null && value.isTextual()) {
                texts.add(value.asText());
            }
        }
        return texts;
    }
}
