package vclab.vcc;

import java.io.ByteArrayOutputStream;

/**
 * Base64 decoding with the stopping rules of Varnish's VENC_Decode_Base64, which VCC uses
 * to find the end of a BLOB literal. The result is an offset, so callers can report the
 * character where decoding stopped.
 */
final class Base64Decoder {
    private static final int INVALID = 64;

    private Base64Decoder() {
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        switch (c) {
            case '+':
                return 62;
            case '/':
                return 63;
            case '=':
                return 0;
            default:
                return INVALID;
        }
    }

    /**
     * Decodes s[b, e) into {@code out}. Returns the offset of the character that stopped
     * decoding, {@code e} when the input ends inside a quantum, or -1 when all of it was
     * decoded.
     */
    static int decode(String s, int b, int e, ByteArrayOutputStream out) {
        int n = 0;
        int padding = 0;
        int w = 0;
        for (int p = b; p < e; p++) {
            char c = s.charAt(p);
            int i = value(c);
            if (i == INVALID) {
                return p;
            }
            if (c == '=' && n < 2) {
                return p;
            } else if (c == '=') {
                padding++;
            } else if (padding > 0) {
                return p - 1;
            }
            if (padding > 0 && w != 0) {
                return p - 1;
            }
            switch (++n) {
                case 1:
                    w = (i << 2) & 0xff;
                    break;
                case 2:
                    w |= i >> 4;
                    out.write(w);
                    w = (i << 4) & 0xff;
                    break;
                case 3:
                    w |= i >> 2;
                    if (padding == 0) {
                        out.write(w);
                    }
                    w = (i << 6) & 0xff;
                    break;
                default:
                    w |= i;
                    if (padding == 0) {
                        out.write(w);
                    }
                    w = 0;
                    n = 0;
                    break;
            }
        }
        return n != 0 ? e : -1;
    }
}
