package vclab.vcc;

import java.util.List;

/**
 * Lexes the sources of a compilation into one token stream (vcc_lex_source), replacing each
 * {@code include "file";} by the tokens of the file. This happens before parsing, so an
 * include works anywhere, even inside a subroutine.
 */
final class Includes {
    private final Compilation tl;

    Includes(Compilation tl) {
        this.tl = tl;
    }

    /**
     * Registers and lexes a source and, recursively, what it includes. The end-of-input
     * token is kept only with {@code eoi}, so the builtin VCL's tokens directly follow the
     * main source's.
     */
    void lexSource(Source src, boolean eoi) {
        for (Source p = src.parent; p != null; p = p.parent) {
            if (p.name.equals(src.name) && p.kind.equals(src.kind)) {
                tl.sb.cat("Recursive use of ").cat(src.kind).cat(" \"").cat(src.name)
                        .cat("\"\n\n");
                tl.sb.err = true;
                return;
            }
        }
        src.index = tl.sources.size();
        tl.sources.add(src);
        List<VclToken> toks = VclTokenizer.tokenize(src, tl.sb, !tl.v71());
        if (toks == null) {
            return;
        }
        for (int i = 0; i < toks.size(); i++) {
            VclToken t = toks.get(i);
            if (!eoi && t.tok == Tok.EOI) {
                break;
            }
            if (t.idIs("include")) {
                i = include(src, toks, i);
            } else {
                t.index = tl.tokens.size();
                tl.tokens.add(t);
            }
            if (tl.sb.err) {
                return;
            }
        }
    }

    private static VclToken at(List<VclToken> toks, int i) {
        return toks.get(Math.min(i, toks.size() - 1));
    }

    /** vcc_lex_include; returns the index of the last token the include consumed. */
    private int include(Source src, List<VclToken> toks, int i) {
        int i1 = i + 1;
        boolean glob = false;
        while (true) {
            VclToken tok1 = at(toks, i1);
            VclToken t = at(toks, i1 + 1);
            int flag = isFlagRaw(tok1, t);
            if (flag < 0) {
                break;
            }
            if (t.idIs("glob")) {
                glob = flag > 0;
            } else {
                tl.sb.cat("Unknown include flag:\n");
                tl.errWhere(t);
                return i1 + 1;
            }
            i1 += 2;
        }
        VclToken tok1 = at(toks, i1);
        if (tok1.tok != Tok.CSTR) {
            tl.sb.cat("include not followed by string constant.\n");
            tl.errWhere(tok1);
            return i1 + 1;
        }
        VclToken semi = at(toks, i1 + 1);
        if (semi.tok != Tok.SEMI) {
            tl.sb.cat("include <string> not followed by semicolon.\n");
            tl.errWhere(tok1);
            return i1 + 1;
        }
        String filename = tok1.dec;
        if (filename.startsWith("./")) {
            if (!src.name.startsWith("/")) {
                tl.sb.cat("include \"./xxxxx\"; needs absolute filename of including file.\n");
                tl.errWhere(tok1);
                return i1 + 1;
            }
            filename = src.name.substring(0, src.name.lastIndexOf('/')) + filename.substring(1);
        }
        if (glob) {
            includeGlob(src, filename, tok1);
        } else {
            includeFile(src, filename, tok1);
        }
        if (tl.sb.err) {
            tl.errWhere(tok1);
        }
        return i1 + 1;
    }

    /** vcc_IsFlagRaw: 1 for "+name", 0 for "-name", -1 for no flag (or an error). */
    int isFlagRaw(VclToken t1, VclToken t2) {
        if (t1.tok != Tok.MINUS && t1.tok != Tok.PLUS) {
            return -1;
        }
        if (t2.b != t1.e || t2.src != t1.src) {
            tl.sb.cat("Expected a flag at:\n");
            tl.errWhere(t1);
            return -1;
        }
        return t1.tok == Tok.PLUS ? 1 : 0;
    }

    private void includeFile(Source parent, String filename, VclToken parentTok) {
        SourceLoader.Loaded f = tl.loader.load(filename, tl.settings.unsafePath());
        if (f.error() != null) {
            tl.sb.cat(f.error());
            tl.sb.err = true;
            return;
        }
        lexSource(new Source(f.name(), Source.KIND_FILE, f.text(), parent, parentTok), false);
    }

    private void includeGlob(Source parent, String filename, VclToken parentTok) {
        if (!tl.v71() && !filename.startsWith("/") && !filename.startsWith("./")) {
            tl.sb.cat("+glob can only be used with absolute paths or relative "
                    + "paths starting with './'\n");
            tl.sb.err = true;
            return;
        }
        List<String> files = SourceLoader.glob(filename);
        if (files.isEmpty()) {
            tl.sb.cat("glob pattern matched no files.\n");
            tl.sb.err = true;
            return;
        }
        for (String f : files) {
            if (tl.sb.err) {
                break;
            }
            includeFile(parent, f, parentTok);
        }
    }
}
