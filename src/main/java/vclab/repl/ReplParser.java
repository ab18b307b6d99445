package vclab.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;

/**
 * Tells JLine where CLI words start and end, for completion, and keeps the line editor
 * reading while a here-document is open. It never rejects a line: the server judges quotes
 * and escapes, and its error is the reply the user should see.
 *
 * <p>Words follow the CLI tokenizer loosely: white space separates them, and a word that
 * starts with {@code "} runs to the next unescaped {@code "} or the end of the line.
 */
final class ReplParser implements Parser {
    /** The text of the secondary prompt's {@code %M} inside a here-document. */
    static final String HERE_DOCUMENT = "heredoc";

    private final RequestFraming framing;

    ReplParser(RequestFraming framing) {
        this.framing = framing;
    }

    @Override
    public ReplLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
        if (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT) {
            if (framing.frame(line).incomplete()) {
                throw new EOFError(-1, -1, "the here-document is not terminated", HERE_DOCUMENT);
            }
        }
        int newline = line.indexOf('\n');
        if (newline >= 0 && newline < cursor) {
            return ReplLine.insideHereDocument(line, cursor);
        }
        String commandLine = newline < 0 ? line : line.substring(0, newline);
        return ReplLine.of(line, cursor, words(commandLine));
    }

    /** Backslashes are left for the server's tokenizer, so JLine must not remove them. */
    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    /** A word as typed: where it sits in the line, and its text without the quotes. */
    record Word(int start, int end, String text, boolean quoted) {
    }

    static List<Word> words(String line) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (Character.isWhitespace(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean quoted = line.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    i += line.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(line.length(), i + 1);
            } else {
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
            }
            String text = line.substring(start, i);
            if (quoted) {
                text = text.substring(1, text.length() > 1 && text.endsWith("\"")
                        ? text.length() - 1 : text.length());
            }
            words.add(new Word(start, i, text, quoted));
        }
        return words;
    }

    /** A parsed command line, or the inside of a here-document where nothing completes. */
    static final class ReplLine implements CompletingParsedLine {
        private final String line;
        private final int cursor;
        private final List<String> words;
        private final int wordIndex;
        private final int wordCursor;
        private final int rawWordCursor;
        private final int rawWordLength;
        private final boolean quoted;
        private final boolean hereDocument;

        private ReplLine(String line, int cursor, List<String> words, int wordIndex,
                int wordCursor, int rawWordCursor, int rawWordLength, boolean quoted,
                boolean hereDocument) {
            this.line = line;
            this.cursor = cursor;
            this.words = List.copyOf(words);
            this.wordIndex = wordIndex;
            this.wordCursor = wordCursor;
            this.rawWordCursor = rawWordCursor;
            this.rawWordLength = rawWordLength;
            this.quoted = quoted;
            this.hereDocument = hereDocument;
        }

        static ReplLine insideHereDocument(String line, int cursor) {
            return new ReplLine(line, cursor, List.of(""), 0, 0, 0, 0, false, true);
        }

        /** Finds the word under the cursor; a cursor in white space starts a new, empty word. */
        static ReplLine of(String line, int cursor, List<Word> parsed) {
            List<String> texts = new ArrayList<>();
            int index = -1;
            Word current = null;
            for (Word w : parsed) {
                if (index < 0 && cursor < w.start()) {
                    index = texts.size();
                    texts.add("");
                }
                if (index < 0 && cursor <= w.end()) {
                    index = texts.size();
                    current = w;
                }
                texts.add(w.text());
            }
            if (index < 0) {
                index = texts.size();
                texts.add("");
            }
            if (current == null) {
                return new ReplLine(line, cursor, texts, index, 0, 0, 0, false, false);
            }
            int raw = cursor - current.start();
            int inText = Math.max(0, Math.min(current.text().length(),
                    current.quoted() ? raw - 1 : raw));
            return new ReplLine(line, cursor, texts, index, inText, raw,
                    current.end() - current.start(), current.quoted(), false);
        }

        /** Returns whether the cursor is in a here-document's body, where nothing completes. */
        boolean inHereDocument() {
            return hereDocument;
        }

        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public int wordCursor() {
            return wordCursor;
        }

        @Override
        public int wordIndex() {
            return wordIndex;
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String line() {
            return line;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        @Override
        public int rawWordCursor() {
            return rawWordCursor;
        }

        @Override
        public int rawWordLength() {
            return rawWordLength;
        }

        /**
         * Quotes a candidate as the CLI tokenizer reads it when it contains white space, a
         * quote or a backslash, or when the user opened a quote. A complete candidate gets its
         * closing quote.
         */
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            String text = candidate.toString();
            boolean needsQuotes = quoted || text.chars().anyMatch(c -> c == '"' || c == '\\'
                    || Character.isWhitespace(c));
            if (!needsQuotes) {
                return text;
            }
            String inner = text.replace("\\", "\\\\").replace("\"", "\\\"");
            return "\"" + inner + (complete ? "\"" : "");
        }
    }
}
