package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamStoreTest {
    @Test
    void cliLimitDefaultPerDialect() {
        assertEquals(48 * 1024, new ParamStore(Dialect.V7_1).cliLimit());
        assertEquals(64 * 1024, new ParamStore(Dialect.TRUNK).cliLimit());
    }

    @Test
    void typedGetters() {
        ParamStore params = new ParamStore(Dialect.V7_1);
        assertEquals(600.0, params.seconds("vcl_cooldown"));
        assertEquals(600_000_000_000L, params.durationNanos("vcl_cooldown"));
        assertEquals(100, params.uint("thread_pool_min"));
        assertEquals(80 * 1024, params.bytes("thread_pool_stack"));
        assertTrue(params.bool("auto_restart"));
        assertEquals("/etc/varnish:/usr/share/varnish/vcl", params.string("vcl_path"));
        assertTrue(params.bit("feature", "validate_headers"));
        assertFalse(params.bit("feature", "http2"));
        assertTrue(params.bit("vsl_mask", "Debug"));
        assertFalse(params.bit("vsl_mask", "ReqURL"));
    }

    @Test
    void trunkTimeoutNever() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        assertEquals(CliStatus.OK, varnish.send("param.set", "first_byte_timeout", "never")
                .status());
        assertEquals(Long.MAX_VALUE, varnish.params.durationNanos("first_byte_timeout"));
        String show = varnish.send("param.show", "first_byte_timeout").body();
        assertTrue(show.contains("        Value is: never [seconds]\n"), show);
        assertTrue(show.endsWith("\n\n        NB: This parameter can be disabled with the value"
                + " \"never\".\n\n"), show);
        String json = varnish.send("param.show", "-j", "first_byte_timeout").body();
        assertTrue(json.contains("\"value\": \"never\",\n"), json);
    }

    @Test
    void trunkDurationUnits() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        varnish.send("param.set", "default_ttl", "2h");
        assertEquals(7200.0, varnish.params.seconds("default_ttl"));
        CliReply bad = varnish.send("param.set", "default_ttl", "1x");
        assertEquals(CliStatus.PARAM, bad.status());
        assertEquals("Invalid duration unit (1x)\n\n(attempting to set param 'default_ttl' to"
                + " '1x')", bad.body());
        CliReply never = varnish.send("param.set", "default_ttl", "never");
        assertEquals(CliStatus.PARAM, never.status());
    }

    @Test
    void v71IgnoresTextAfterNumber() {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1);
        assertEquals(CliStatus.OK, varnish.send("param.set", "default_ttl", "2h").status());
        assertEquals(2.0, varnish.params.seconds("default_ttl"));
    }

    @Test
    void trunkAliasShowsOriginal() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        String alias = varnish.send("param.show", "vcc_err_unref").body();
        String original = varnish.send("param.show", "vcc_feature").body();
        assertEquals(original, alias);
        assertTrue(alias.startsWith("vcc_feature\n"), alias);
    }

    @Test
    void trunkVccFeatureAliasTakesBoolean() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        assertFalse(varnish.params.bit("vcc_feature", "allow_inline_c"));
        assertEquals(CliStatus.OK, varnish.send("param.set", "vcc_allow_inline_c", "on").status());
        assertTrue(varnish.params.bit("vcc_feature", "allow_inline_c"));
        CliReply bad = varnish.send("param.set", "vcc_err_unref", "maybe");
        assertEquals("use \"on\" or \"off\"\n\n(attempting to set param 'vcc_err_unref' to"
                + " 'maybe')", bad.body());
    }

    @Test
    void v71AliasShowsAliasOf() {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1);
        assertEquals("deprecated_dummy\n        Value is: none\n        Alias of: debug\n\n"
                        + "        Deprecated alias for the debug parameter.\n\n",
                varnish.send("param.show", "deprecated_dummy").body());
        assertEquals("none", varnish.send("param.reset", "deprecated_dummy").body());
    }

    @Test
    void trunkBitKeywords() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        varnish.send("param.set", "feature", "all");
        assertEquals("all", varnish.params.show("feature"));
        varnish.send("param.set", "vsl_mask", "none");
        assertEquals("none", varnish.params.show("vsl_mask"));
        varnish.send("param.set", "vsl_mask", "all,-Hash");
        assertEquals("all,-Hash", varnish.params.show("vsl_mask"));
        varnish.send("param.reset", "vsl_mask");
        assertTrue(varnish.params.show("vsl_mask").matches("all(,-\\w+)+"));
    }

    @Test
    void trunkUintOrZeroEchoesZero() {
        CliReply reply = new TestVarnish(Dialect.TRUNK)
                .send("param.set", "http_req_overflow_status", "0");
        assertEquals(CliStatus.OK, reply.status());
        assertEquals("0", reply.body());
    }

    @Test
    void protectedParameter() {
        for (Dialect dialect : Dialect.values()) {
            TestVarnish varnish = new TestVarnish(dialect);
            assertTrue(varnish.params.startupProtect("cli_timeout").ok());
            CliReply reply = varnish.send("param.set", "cli_timeout", "1m");
            assertEquals(CliStatus.AUTH, reply.status(), dialect.label());
            assertEquals("parameter \"cli_timeout\" is protected.", reply.body());
            String note = dialect == Dialect.V7_1
                    ? "NB: This parameter is protected and can not be changed."
                    : "NB: This parameter is protected and cannot be changed.";
            assertTrue(varnish.send("param.show", "cli_timeout").body().contains(note));
            assertTrue(varnish.send("param.show", "-j", "cli_timeout").body()
                    .contains("\"flags\": [\n      \"protected\"\n    ]\n"));
        }
    }

    @Test
    void trunkAliasCannotBeProtected() {
        ParamStore.StartupResult result = new ParamStore(Dialect.TRUNK)
                .startupProtect("vcc_allow_inline_c");
        assertFalse(result.ok());
        assertEquals("Error:\nCannot mark alias vcc_allow_inline_c read only.\n"
                + "Did you mean to mark vcc_feature read only?\n", result.stderr());
    }

    @Test
    void trunkProtectingOriginalCoversAlias() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        varnish.params.startupProtect("vcc_feature");
        assertEquals(CliStatus.AUTH, varnish.send("param.set", "vcc_feature", "all").status());
        assertEquals(CliStatus.AUTH,
                varnish.send("param.set", "vcc_allow_inline_c", "on").status());
    }

    @Test
    void restartNoteOnlyWhileChildRuns() {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1);
        assertEquals("\nChange will take effect when child is restarted",
                varnish.send("param.set", "h2_rxbuf_storage", "s0").body());
        varnish.childRunning = false;
        assertEquals("", varnish.send("param.set", "h2_rxbuf_storage", "Transient").body());
        assertEquals("\nChange will take effect when VCL script is reloaded",
                varnish.send("param.set", "cc_warnings", "-Wall").body());
    }

    @Test
    void startupParamMessages() {
        ParamStore params = new ParamStore(Dialect.V7_1);
        assertEquals(new ParamStore.StartupResult(false,
                "Error: \t-p lacks '='\n(-? gives usage)\n"), params.startupParam("default_ttl"));
        assertEquals(new ParamStore.StartupResult(false, "Error:\nInvalid number (abc)\n\n"
                        + "(attempting to set param 'default_ttl' to 'abc')\n"),
                params.startupParam("default_ttl=abc"));
        assertEquals(new ParamStore.StartupResult(true,
                        "Warnings:\n\nChange will take effect when VCL script is reloaded\n"),
                params.startupParam("cc_command=x"));
        assertEquals(new ParamStore.StartupResult(true, ""),
                params.startupParam("vcl_cooldown=1"));
        assertEquals(1.0, params.seconds("vcl_cooldown"));
    }

    /**
     * The parameter cases of trunk's varnishtest suite (b00042, b00034, b00008, c00039,
     * c00054 and c00079 at commit 27d2ce15b): expected status and argv, run in order.
     */
    @Test
    void trunkTestSuiteCases() throws IOException {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        Object[][] cases = {
            {106, List.of("param.set", "default_ttl", "-1")},
            {106, List.of("param.set", "default_ttl", "1x")},
            {200, List.of("param.set", "default_ttl", "1s")},
            {106, List.of("param.set", "default_ttl", "1 x")},
            {200, List.of("param.set", "default_ttl", "1 s")},
            {106, List.of("param.set", "acceptor_sleep_decay", "0.42 is not a number")},
            {106, List.of("param.set", "acceptor_sleep_max", "20")},
            {200, List.of("param.set", "prefer_ipv6", "disable")},
            {200, List.of("param.set", "prefer_ipv6", "enable")},
            {106, List.of("param.set", "prefer_ipv6", "foobar")},
            {106, List.of("param.set", "http_max_hdr", "0")},
            {106, List.of("param.set", "http_max_hdr", "1000000")},
            {106, List.of("param.set", "workspace_thread", "1b")},
            {106, List.of("param.set", "workspace_thread", "1m")},
            {106, List.of("param.set", "workspace_thread", "1x")},
            {106, List.of("param.set", "workspace_thread", "x")},
            {106, List.of("param.set", "user", "///")},
            {106, List.of("param.set", "pool_sess", "\"")},
            {200, List.of("param.set", "thread_pool_max", "110")},
            {106, List.of("param.set", "thread_pool_min", "111")},
            {200, List.of("param.set", "thread_pool_min", "51")},
            {106, List.of("param.set", "thread_pool_max", "50")},
            {200, List.of("param.set", "thread_pool_max", "51")},
            {200, List.of("param.set", "thread_pool_max", "unlimited")},
            {106, List.of("param.show", "fofofofo")},
            {200, List.of("param.show", "changed")},
            {200, List.of("param.show", "-l")},
            {106, List.of("param.show", "-j", "-l")},
            {106, List.of("param.show", "-j", "fofofofo")},
            {105, List.of("param.show", "debug", "debug")},
            {105, List.of("param.show", "-j", "debug", "debug")},
            {200, List.of("param.set", "pool_req", "1,10,1")},
            {106, List.of("param.set", "pool_req", "10")},
            {106, List.of("param.set", "pool_req", "10,1,1")},
            {106, List.of("param.set", "pool_req", "a,10,10")},
            {106, List.of("param.set", "pool_req", "10,a,10")},
            {106, List.of("param.set", "pool_req", "10,10,a")},
            {106, List.of("param.set", "waiter", "HASH(0x8839c4c)")},
            {106, List.of("param.set", "http_req_overflow_status", "200")},
            {106, List.of("param.set", "vsl_mask", "FooBar")},
            {106, List.of("param.set", "vsl_mask", "-FooBar")},
            {106, List.of("param.set", "vsl_mask", "\"")},
            {200, List.of("param.set", "thread_pool_min", "10")},
            {200, List.of("param.set", "thread_pool_reserve", "9")},
            {106, List.of("param.set", "thread_pool_reserve", "10")},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            List<String> argv = (List<String>) c[1];
            CliReply reply = varnish.send(argv.toArray(new String[0]));
            assertEquals((int) c[0], reply.status(), argv + ": " + reply.body());
        }
        for (String[] json : List.of(new String[] {"param.show", "-j"},
                new String[] {"param.show", "-j", "pool_req"},
                new String[] {"param.show", "-j", "changed"},
                new String[] {"param.set", "-j", "default_ttl", "0"})) {
            new ObjectMapper().readTree(varnish.send(json).body());
        }
    }
}
