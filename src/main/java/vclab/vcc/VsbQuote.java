package vclab.vcc;

/** Varnish's VSB_quote in its plain mode, used by a few VCC messages. */
final class VsbQuote {
    private VsbQuote() {
    }

    /** Escapes control characters, quotes, backslashes and bytes above 0x7e. */
    static String plain(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                quote = true;
                break;
            }
        }
        if (!quote) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\':
                case '"':
                    sb.append('\\').append(c);
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case 0x0b:
                    sb.append("\\v");
                    break;
                default:
                    if (c >= 0x20 && c <= 0x7e) {
                        sb.append(c);
                    } else {
                        sb.append(String.format("\\%03o", (int) c & 0xff));
                    }
                    break;
            }
        }
        return sb.toString();
    }
}
