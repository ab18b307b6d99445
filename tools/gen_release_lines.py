#!/usr/bin/env python3
"""Generate vclab's table of assertion lines from a Varnish Cache git repository.

For every entry of ASSERTIONS and every modelled revision, the script reads
the source file at that revision with "git show" and finds the function. It
then finds the one assertion inside it that the entry's regular expression
matches, and writes that line number, which varnishd's panic prints:

    tools/gen_release_lines.py REPO src/main/resources/vclab/vrt/release-lines.tsv

Without OUTPUT the table goes to standard output. A revision whose source has
no such assertion gets "-", but only where the entry names that revision in
its "absent" map together with the reason, which the "note" column repeats.
Any other miss, or a regular expression that matches more than once, stops
the script with an error.
"""

import re
import subprocess
import sys

# The modelled revisions, in the table's column order: 7.1.1 (model v7.4),
# 7.5.0, 7.6.0, 7.7.0, pull request 4205, master at b9a204082 and 8.0.0.
REVISIONS = [
    "7cee1c581bead20e88d101ab3d72afb29f14d87a",
    "eef25264e5ca5f96a77129308edb83ccf84cb1b1",
    "ed1243ca162a7b1d975bc0332f0d66d33f0bc78e",
    "bb7a918611ee85d17aefd07115fb8c66015151b5",
    "f2ceb354872f5a486e1b6ad7894fb1a3b6c931fa",
    "b9a204082d73f3347b95e2c58e840849888d4ce2",
    "71d4d75665f4d1949f7eeca28092a12df7037f3a",
]
V711 = "7cee1c5"
NOT_V711 = ["eef2526", "ed1243c", "bb7a918", "f2ceb35", "b9a2040", "71d4d75"]

HEADER = """\
# Source lines of assertions, per modelled revision (the first 7 hex digits of its commit).
# Regenerate with tools/gen_release_lines.py; "-" means the release has no such assertion.
"""

# One entry per assertion: (key, file as the panic prints it, function,
# regular expression, absent). The expression is searched in the function's
# text. The reported line is where its group "at" starts, or where the match
# starts when it has no such group. "absent" maps the first 7 hex digits of
# a revision that lacks the assertion to the reason.
ASSERTIONS = [
    # cache_vcl.c
    ("VCL_Update.old_busy", "cache/cache_vcl.c", "VCL_Update",
     r"assert\(old->busy > 0\)", {}),
    ("VCL_Update.discard", "cache/cache_vcl.c", "VCL_Update",
     r"AZ\(\(\*vcc\)->discard\)", {}),
    ("VCL_Update.warm", "cache/cache_vcl.c", "VCL_Update",
     r"assert\(\(\*vcc\)->temp->is_warm\)", {}),
    ("vcl_send_event.cold_failed", "cache/cache_vcl.c", "vcl_send_event",
     r'WRONG\("A VMOD cannot fail COLD or DISCARD events"\)', {}),
    ("VCL_Poll.busy", "cache/cache_vcl.c", "VCL_Poll",
     r"AZ\(vcl->busy\)", {}),
    ("vcl_KillBackends.temp", "cache/cache_vcl.c", "vcl_KillBackends",
     r"assert\(vcl->temp == VCL_TEMP_COLD \|\| vcl->temp == VCL_TEMP_INIT\)", {}),
    ("vcl_KillBackends.empty", "cache/cache_vcl.c", "vcl_KillBackends",
     r"assert\(VTAILQ_EMPTY\(&(?:vcl->director_list|vdire->directors)\)\)", {}),
    # cache_vrt_vcl.c
    ("VCL_Ref.cold", "cache/cache_vrt_vcl.c", "VCL_Ref",
     r"assert\(!vcl->temp->is_cold\)", {}),
    ("VCL_Ref.busy", "cache/cache_vrt_vcl.c", "VCL_Ref",
     r"assert\(vcl->busy > 0\)", {}),
    ("VCL_Rel.busy", "cache/cache_vrt_vcl.c", "VCL_Rel",
     r"assert\(vcl->busy > 0\)", {}),
    ("VRT_StaticDirector.refcnt", "cache/cache_vrt_vcl.c", "VRT_StaticDirector",
     r"assert\(vdir->refcnt == 1\)", {}),
    ("VRT_StaticDirector.norefcnt", "cache/cache_vrt_vcl.c", "VRT_StaticDirector",
     r"AZ\(vdir->flags & VDIR_FLG_NOREFCNT\)", {}),
    ("VRT_DelDirector.refcnt", "cache/cache_vrt_vcl.c", "VRT_DelDirector",
     r"assert\(vdir->refcnt == 1\)",
     dict.fromkeys(NOT_V711, "from 7.3 VRT_DelDirector drops one reference through vcldir_deref")),
    ("vcldir_deref.refcnt", "cache/cache_vrt_vcl.c", "vcldir_deref",
     r"assert\(vdir->refcnt > 0\)",
     {V711: "vcldir_deref came in 7.3; before, VRT_Assign_Backend checks the count"}),
    ("VRT_Assign_Backend.dst_refcnt", "cache/cache_vrt_vcl.c", "VRT_Assign_Backend",
     r"assert\(\(\*dst\)->vdir->refcnt > 0\)",
     dict.fromkeys(NOT_V711, "from 7.3 vcldir_deref makes this check")),
    ("VRT_Assign_Backend.src_magic", "cache/cache_vrt_vcl.c", "VRT_Assign_Backend",
     r"if \(src != NULL\) \{\s*(?:vdir = src->vdir;\s*)?"
     r"(?P<at>CHECK_OBJ_NOTNULL\((?:src->)?vdir, VCLDIR_MAGIC\))", {}),
    ("VRT_Assign_Backend.src_refcnt", "cache/cache_vrt_vcl.c", "VRT_Assign_Backend",
     r"assert\((?:src->)?vdir->refcnt > 0\)", {}),
    ("VRT_VCL_Prevent_Discard.warm", "cache/cache_vrt_vcl.c", "VRT_VCL_Prevent_Discard",
     r"assert\(vcl->temp->is_warm\)", {}),
    ("VRT_VCL_Allow_Discard.refs", "cache/cache_vrt_vcl.c", "VRT_VCL_Allow_Discard",
     r"assert\(!VTAILQ_EMPTY\(&vcl->ref_list\)\)", {}),
    # cache_panic.c
    ("ccf_panic.forced", "cache/cache_panic.c", "ccf_panic",
     r'AZ\(strcmp\("", "You asked for it"\)\)', {}),
    # The debug VMOD
    ("event_warm.vclref_discard", "vmod_debug.c", "event_warm",
     r"AZ\(priv_vcl->vclref_discard\)", {}),
    ("event_cold.be", "vmod_debug.c", "event_cold",
     r"priv_vcl->be = create_cold_backend\(ctx\);\s*(?P<at>AZ\(priv_vcl->be\))", {}),
    ("priv_vcl_fini.vclref_discard", "vmod_debug.c", "priv_vcl_fini",
     r"AZ\(priv_vcl->vclref_discard\)", {}),
    ("priv_vcl_fini.vclref_cold", "vmod_debug.c", "priv_vcl_fini",
     r"AZ\(priv_vcl->vclref_cold\)", {}),
    ("xyzzy_vcl_discard_delay.delay", "vmod_debug.c", "xyzzy_vcl_discard_delay",
     r"assert\(delay > 0\.0\)", {}),
    ("xyzzy_vcl_prevent_cold.vclref_cold", "vmod_debug.c", "xyzzy_vcl_prevent_cold",
     r"AZ\(priv_vcl->vclref_cold\)", {}),
    ("xyzzy_vcl_allow_cold.vclref_cold", "vmod_debug.c", "xyzzy_vcl_allow_cold",
     r"AN\(priv_vcl->vclref_cold\)", {}),
    ("dyn_dir_init.sa", "vmod_debug_dyn.c", "dyn_dir_init",
     r"AN\(sa\)", {}),
    ("dyn_dir_init.dir", "vmod_debug_dyn.c", "dyn_dir_init",
     r"AN\(dir\)", {}),
]


def source_paths(file):
    """Return the repository paths that may hold FILE, in the order to try."""
    if file.startswith("vmod_"):
        return ["vmod/" + file, "lib/libvmod_debug/" + file]
    return ["bin/varnishd/" + file]


def git_show(repo, rev, file):
    """Return the text of FILE at REV, trying each of its possible paths."""
    for path in source_paths(file):
        run = subprocess.run(["git", "-C", repo, "show", f"{rev}:{path}"],
                             capture_output=True)
        if run.returncode == 0:
            return run.stdout.decode("latin-1")
    sys.exit(f"{file} not found at {rev} under {', '.join(source_paths(file))}")


def function_body(lines, function):
    """Return (first line number, text) of FUNCTION's definition, or None.

    Varnish puts a definition's name at the start of a line and its closing
    brace alone on a line, so the body runs from that line to the first "}".
    """
    starts = [i for i, line in enumerate(lines) if line.startswith(function + "(")]
    if not starts:
        return None
    if len(starts) > 1:
        raise ValueError(f"{function} is defined {len(starts)} times")
    end = lines.index("}", starts[0])
    return starts[0] + 1, "\n".join(lines[starts[0]:end + 1])


def find_line(text, function, pattern):
    """Return the line of PATTERN's only match inside FUNCTION, or None."""
    found = function_body(text.split("\n"), function)
    if found is None:
        return None
    first, body = found
    matches = list(re.finditer(pattern, body))
    if len(matches) > 1:
        raise ValueError(f"{pattern!r} matches {len(matches)} times in {function}")
    if not matches:
        return None
    match = matches[0]
    offset = match.start("at") if "at" in match.re.groupindex else match.start()
    return first + body.count("\n", 0, offset)


def table(repo):
    """Return the TSV text for every entry of ASSERTIONS."""
    sources = {}
    out = HEADER.splitlines() + ["\t".join(["key", "file"] + [r[:7] for r in REVISIONS] + ["note"])]
    for key, file, function, pattern, absent in ASSERTIONS:
        cells = []
        for rev in REVISIONS:
            if (rev, file) not in sources:
                sources[rev, file] = git_show(repo, rev, file)
            try:
                line = find_line(sources[rev, file], function, pattern)
            except ValueError as e:
                sys.exit(f"{key} at {rev[:7]}: {e}")
            if line is not None and rev[:7] in absent:
                sys.exit(f"{key} at {rev[:7]}: found at line {line}, but the table "
                         f"says it is absent: {absent[rev[:7]]}")
            if line is None and rev[:7] not in absent:
                sys.exit(f"{key} at {rev[:7]}: {pattern!r} not found in {function}() "
                         f"of {file}; fix the pattern or list the revision as absent")
            cells.append("-" if line is None else str(line))
        note = "; ".join(sorted(set(absent.values())))
        out.append("\t".join([key, file] + cells + [note]))
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: gen_release_lines.py REPO [OUTPUT]")
    text = table(argv[1])
    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
