package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends the same command lines to Debian's varnishd 7.1.1 (started with -d, no worker) and to
 * vclab's manager dispatcher in the 7.1 dialect, and compares every reply byte for byte, with
 * the clock masked. The lines are plain words, so no tokenizer is needed on vclab's side.
 */
@Tag("real-varnish")
class RealVarnishComparisonTest {
    @TempDir
    Path workDir;

    /** Commands whose replies depend only on the CLI layer and the parameters. */
    private static final List<String> HELP_AND_DISPATCH = List.of(
            "help", "help -a", "help -d", "help -j", "help -j vcl.load", "help vcl.load",
            "help vcl.state", "help backend.list", "help nosuch", "help -x", "help -a x",
            "banner", "ping", "ping -j", "ping -j x", "ping x y",
            "nosuch", "nosuch -j", "vcl.show", "backend.list -j", "VCL.LIST", "1abc", "_x",
            "param.set x", "vcl.list -j extra", "param.reset -j cli_limit", "pid extra",
            "storage.list -j x", "vcl.load", "vcl.discard", "start x");

    private static final List<String> PARAM_SHOW = List.of(
            "param.show", "param.show -l", "param.show -j", "param.show changed",
            "param.show -l changed", "param.show -j changed", "param.show deprecated_dummy",
            "param.show -j deprecated_dummy", "param.show -l accept_filter",
            "param.show -j accept_filter", "param.show accept_filter", "param.show a b",
            "param.show -j a b", "param.show -j -l", "param.show -l -j", "param.show -l x",
            "param.show -j nosuch", "param.show -l vsl_reclen", "param.show -j vsl_buffer",
            "param.show pool_req", "param.show -j pool_req", "param.show -l feature");

    private static final List<String> PARAM_SET = List.of(
            "thread_pool_min 10000", "thread_pool_max 10", "thread_pool_min 200",
            "thread_pool_max 150", "thread_pool_reserve 1000", "default_ttl -1",
            "default_ttl abc", "default_ttl 1.23456", "default_ttl 30s", "default_ttl .5",
            "default_ttl 1234567890123456", "default_ttl 1.", "cli_timeout 9999999999999",
            "cli_limit 10", "cli_limit 1x", "cli_limit 1.5k", "cli_limit 1.5b",
            "cli_limit 99999999999", "cli_limit 4k", "auto_restart maybe", "auto_restart OFF",
            "auto_restart yes", "feature +foo", "feature -http2", "feature +http2,-esi_remove_bom",
            "feature none", "feature default", "feature +HTTP2", "feature http2",
            "vsl_mask +Foo", "vsl_mask +Debug", "vsl_mask -Hash,+Debug", "vsl_mask none",
            "vsl_mask default", "debug +syncvsl", "debug +lck", "debug none", "debug default",
            "debug +syncvsl,+foo", "debug +", "debug ,", "experimental +drop_pools",
            "pool_req 1,2", "pool_req 1,2,3", "pool_req 5,2,3", "pool_req a,b,c",
            "pool_req 1,2,3000000", "pool_req 1,2,3,4", "pool_req 1,,2", "pool_vbo 1,2,1.5",
            "h2_rxbuf_storage foo", "h2_rxbuf_storage s0", "cc_command x",
            "accept_filter on", "tcp_fastopen on", "vcc_allow_inline_c on",
            "thread_pools 0", "thread_pools unlimited", "thread_pools 0x10", "thread_pools 010",
            "thread_pools -1", "thread_pools 1.5", "thread_pools 99999999999",
            "workspace_client 1G", "vsl_reclen 70000", "vsl_reclen 100", "vsl_buffer 100",
            "vsl_buffer 8k", "gzip_level 10", "acceptor_sleep_decay 2",
            "acceptor_sleep_decay 0.123456789", "acceptor_sleep_decay 1e3",
            "deprecated_dummy +vclrel", "nosuch 1", "max_vcl unlimited", "ban_cutoff 0",
            "vcl_path /a:/b", "first_byte_timeout 0.0001",
            "workspace_session 0.75k", "http_max_hdr 4096");

    @Test
    void helpAndDispatchErrors() throws IOException {
        compare(HELP_AND_DISPATCH);
    }

    @Test
    void paramShowForms() throws IOException {
        compare(PARAM_SHOW);
    }

    @Test
    void paramSetAndResetEveryType() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String set : PARAM_SET) {
            lines.add("param.set " + set);
            lines.add("param.show -l " + set.substring(0, set.indexOf(' ')));
        }
        lines.add("param.show changed");
        lines.add("param.show -j changed");
        for (String set : PARAM_SET) {
            lines.add("param.reset " + set.substring(0, set.indexOf(' ')));
        }
        lines.add("param.set -j default_ttl 10");
        lines.add("param.set -j cc_command y");
        lines.add("param.set -j default_ttl x");
        lines.add("param.show changed");
        compare(lines);
    }

    @Test
    void cliLimitTruncates() throws IOException {
        compare(List.of("param.set cli_limit 128", "help", "help -j", "param.show",
                "param.show -l", "param.set cli_limit 300", "param.show -j", "banner",
                "param.reset cli_limit", "help"));
    }

    @Test
    void bannerDescribesThisMachine() throws IOException {
        try (RealVarnishd real = RealVarnishd.start(workDir.resolve("n"))) {
            CliBanner banner = CliBanner.forThisMachine(Dialect.V7_1,
                    CliBanner.DEFAULT_STARTUP_CHOICES);
            CliOutput out = new CliOutput(Dialect.V7_1, () -> 48 * 1024);
            banner.print(out, false);
            assertEquals(real.banner().body(), out.reply().body());
        }
    }

    @Test
    void startupOptionErrors() throws IOException {
        List<String[]> options = List.of(new String[] {"-p", "default_ttl=abc"},
                new String[] {"-p", "default_ttlabc"}, new String[] {"-p", "nosuch=1"},
                new String[] {"-p", "accept_filter=on"}, new String[] {"-p", "cli_limit=1x"},
                new String[] {"-r", "nosuch"}, new String[] {"-r", "cli_timeout,nosuch"});
        int run = 0;
        for (String[] option : options) {
            RealVarnishd.Failure real = RealVarnishd.startupFailure(
                    workDir.resolve("n" + run++), option);
            ParamStore params = new ParamStore(Dialect.V7_1);
            ParamStore.StartupResult vclab = option[0].equals("-p")
                    ? params.startupParam(option[1])
                    : params.startupProtect(option[1]);
            String name = String.join(" ", option);
            assertEquals(ParamStore.StartupResult.EXIT_STATUS, real.exitStatus(), name);
            assertEquals(false, vclab.ok(), name);
            assertEquals(real.stderr(), vclab.stderr(), name);
        }
    }

    private void compare(List<String> lines) throws IOException {
        try (RealVarnishd real = RealVarnishd.start(workDir.resolve("n"))) {
            TestVarnish vclab = TestVarnish.onThisMachine(Dialect.V7_1);
            vclab.childRunning = false;
            for (String line : lines) {
                CliReply expected = real.send(line);
                CliReply actual = vclab.send(line.split(" "));
                assertEquals(expected.status(), actual.status(), line + ": status");
                assertEquals(GoldenReplayTest.mask(expected.body()),
                        GoldenReplayTest.mask(actual.body()), line + ": body");
            }
        }
    }
}
