#!/usr/bin/env python3
"""Generate vclab's parameter tables from a Varnish Cache source tree.

Reads include/tbl/params.h (and, for 7.1, the bit parameters defined in
bin/varnishd/mgt/mgt_param_bits.c) at a git ref, runs them through the C
preprocessor with macros that print one record per parameter, and writes a
JSON file that vclab.cli.ParamTable loads:

    tools/gen_cli_params.py REPO varnish-7.1.1 src/main/resources/vclab/cli/params-7.1.json
    tools/gen_cli_params.py REPO varnish-8.0.0 src/main/resources/vclab/cli/params-8.0.json

Some values depend on the build or the host: the compiler command, paths, the
TCP keep-alive defaults read from the kernel and the thread stack minimum.
They are replaced by what Debian 12's varnish 7.1.1 reports on Linux x86_64,
so both tables describe the same machine.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

# Build and host facts of Debian 12's varnish 7.1.1 on Linux x86_64, as its
# "param.show -j" prints them.
HOST_DEFAULTS = {
    "cc_command": "exec x86_64-linux-gnu-gcc -g -O2 -fstack-protector-strong -Wformat "
                  "-Werror=format-security -Werror -Wno-error=unused-result -pthread "
                  "-fpic -shared -Wl,-x -o %o %s",
    "cc_warnings": " -Wall -Werror -Wno-error=unused-result",
    "vcl_path": "/etc/varnish:/usr/share/varnish/vcl",
    "vmod_path": "/usr/lib/x86_64-linux-gnu/varnish/vmods",
    "tcp_keepalive_time": "7200",
    "tcp_keepalive_probes": "9",
    "tcp_keepalive_intvl": "75",
    "accept_filter": "off",
}
# sysconf(_SC_THREAD_STACK_MIN) on glibc x86_64, and MAX_THREAD_POOLS.
HOST_MINIMUM = {"thread_pool_stack": "16384b"}
HOST_MAXIMUM = {"thread_pools": "32"}
HOST_DEFAULT_STACK = "81920b"

FIELDS = ["min", "max", "def", "units", "descr", "flags",
          "dyn_min_reason", "dyn_max_reason", "dyn_def_reason"]


def git_show(repo, ref, path):
    return subprocess.run(["git", "-C", repo, "show", f"{ref}:{path}"],
                          check=True, capture_output=True).stdout.decode("latin-1")


def c_tokens(text):
    """Split preprocessed C text into string literals, separators and words."""
    tokens = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            tokens.append(("str", decode_c_string(text[i + 1:j])))
            i = j + 1
        elif c in ",|()":
            tokens.append(("sep", c))
            i += 1
        else:
            m = re.match(r"[A-Za-z0-9_&.>\-]+", text[i:])
            tokens.append(("word", m.group(0)))
            i += len(m.group(0))
    return tokens


def decode_c_string(body):
    out = []
    i = 0
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'"}
    while i < len(body):
        if body[i] == "\\":
            out.append(escapes[body[i + 1]])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def split_args(tokens):
    """Group tokens into comma-separated arguments; adjacent strings concatenate."""
    args, cur = [], []
    for kind, value in tokens:
        if kind == "sep" and value == ",":
            args.append(cur)
            cur = []
        else:
            cur.append((kind, value))
    args.append(cur)
    return args


def arg_value(arg):
    if not arg:
        return None
    if all(kind == "str" for kind, _ in arg):
        return "".join(value for _, value in arg)
    words = [value for kind, value in arg if kind == "word"]
    if words == ["NULL"]:
        return None
    return words


def flags_of(words):
    if words is None:
        return []
    return [w for w in words if w not in ("0",)]


def preprocess(repo, ref, source):
    """Run cpp on source with the ref's include/tbl directory on the include path."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", repo, "archive", ref, "include/tbl"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        main = os.path.join(tmp, "main.c")
        with open(main, "w", encoding="latin-1") as f:
            f.write(source)
        out = subprocess.run(["cpp", "-P", "-I", os.path.join(tmp, "include"), main],
                             check=True, capture_output=True).stdout.decode("latin-1")
    return out


def bit_names(repo, ref, header, macro):
    text = preprocess(repo, ref, f"#define {macro}(U, l, d) @@NAME l\n"
                      f"#include \"tbl/{header}\"\n")
    return re.findall(r"@@NAME (\w+)", text)


def vsl_tags(repo, ref):
    text = preprocess(repo, ref, "#define SLTM(foo, flags, sdesc, ldesc) @@NAME foo\n"
                      "#include \"tbl/vsl_tags.h\"\n")
    return re.findall(r"@@NAME (\w+)", text)


def params_from_header(repo, ref):
    source = ("#define PARAM_ALL\n#define PARAM_PRE\n#define PARAM_POST @@POST\n"
              "#define HAVE_TCP_FASTOPEN 1\n#define HAVE_TCP_KEEP 1\n"
              "#define PARAM(typ, fld, nm, func, priv, ...) "
              "@@PARAM nm @@FUNC func @@ARGS __VA_ARGS__ @@END\n"
              "#include \"tbl/params.h\"\n")
    text = preprocess(repo, ref, source)
    result = []
    # 8.0 appends the bit names to a description after PARAM(...) and before PARAM_POST.
    pattern = r"@@PARAM (\w+) @@FUNC (\w+) @@ARGS(.*?)@@END(.*?)(?=@@PARAM|@@POST|$)"
    for m in re.finditer(pattern, text, re.S):
        name, func, rest, tail = m.group(1), m.group(2), m.group(3), m.group(4)
        values = [arg_value(a) for a in split_args(c_tokens(rest))]
        values += [None] * (len(FIELDS) - len(values))
        fields = dict(zip(FIELDS, values))
        suffix = arg_value(c_tokens(tail))
        if suffix:
            fields["descr"] += suffix
        result.append(make_param(name, func, fields))
    return result


def has_file(repo, ref, header):
    r = subprocess.run(["git", "-C", repo, "cat-file", "-e", f"{ref}:include/tbl/{header}"],
                       capture_output=True)
    return r.returncode == 0


def params_from_bits_c(repo, ref):
    """7.1 defines vsl_mask, debug, experimental and feature in mgt_param_bits.c."""
    text = git_show(repo, ref, "bin/varnishd/mgt/mgt_param_bits.c")
    start = text.index("struct parspec VSL_parspec[] = {")
    body = text[start:text.index("\n};", start)]
    body = body[body.index("{") + 1:]
    cpp_text = preprocess(repo, ref, body)
    result = []
    for m in re.finditer(r"\{(.*?)\}\s*,", cpp_text, re.S):
        values = [arg_value(a) for a in split_args(c_tokens(m.group(1)))]
        if values[0] is None:
            continue
        name, func = values[0], values[1][0]
        fields = dict(zip(["min", "max", "def", "units", "descr"], values[3:8]))
        result.append(make_param(name, func, fields))
    return result


def make_param(name, func, f):
    record = {
        "name": name,
        "type": func.removeprefix("tweak_"),
        "min": f.get("min"),
        "max": f.get("max"),
        "def": f.get("def"),
        "units": f.get("units"),
        "descr": f.get("descr"),
        "flags": flags_of(f.get("flags")),
        "dynMinReason": f.get("dyn_min_reason"),
        "dynMaxReason": f.get("dyn_max_reason"),
    }
    if isinstance(record["def"], list):
        record["def"] = None
    return record


def apply_host_facts(params):
    for p in params:
        if p["name"] in HOST_DEFAULTS:
            p["def"] = HOST_DEFAULTS[p["name"]]
        if p["name"] in HOST_MINIMUM:
            p["min"] = HOST_MINIMUM[p["name"]]
        if p["name"] in HOST_MAXIMUM:
            p["max"] = HOST_MAXIMUM[p["name"]]
        if p["name"] == "thread_pool_stack":
            p["def"] = HOST_DEFAULT_STACK


def main():
    repo, ref, out = sys.argv[1:4]
    params = params_from_header(repo, ref)
    names = {p["name"] for p in params}
    if "debug" not in names:
        params += params_from_bits_c(repo, ref)
    apply_host_facts(params)
    for p in params:
        if p["type"] == "alias":
            p["aliasOf"] = p.pop("def")
    params.sort(key=lambda p: p["name"])
    bits = {
        "debug": bit_names(repo, ref, "debug_bits.h", "DEBUG_BIT"),
        "experimental": bit_names(repo, ref, "experimental_bits.h", "EXPERIMENTAL_BIT"),
        "feature": bit_names(repo, ref, "feature_bits.h", "FEATURE_BIT"),
        "vsl_mask": vsl_tags(repo, ref),
    }
    if has_file(repo, ref, "vcc_feature_bits.h"):
        bits["vcc_feature"] = bit_names(repo, ref, "vcc_feature_bits.h", "VCC_FEATURE_BIT")
    doc = {"source": ref, "parameters": params, "bits": bits}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=True)
        f.write("\n")


if __name__ == "__main__":
    main()
