package vclab.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks numeric IPv4 and IPv6 addresses without any name lookup. */
final class AddressLiterals {
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** The characters of an IPv6 address. The first one keeps InetAddress from a lookup. */
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private AddressLiterals() {
    }

    /** Returns whether the text is a dotted-quad IPv4 address or an IPv6 address. */
    static boolean isNumeric(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    private static boolean isIpv4(String text) {
        if (!DOTTED_QUAD.matcher(text).matches()) {
            return false;
        }
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String text) {
        if (text.indexOf(':') < 0 || !IPV6_TEXT.matcher(text).matches()) {
            return false;
        }
        try {
            // A text with ':' that starts with a hex digit or ':' is parsed, never looked up.
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
