package vclab.vmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vclab.vrt.VrtCtx;

class StdConversionsTest {
    private final VrtCtx ctx = new VrtCtx(null, "vcl1", "vcl_init", new StringBuilder(), true);

    /** integer()'s seven arguments: s, fallback, bool, bytes, duration, real, time. */
    private Object integer(Object[] values, Boolean... given) {
        return StdConversions.integer(ctx, Arrays.asList(values), List.of(given));
    }

    @Test
    void integerParsesString() {
        Object r = integer(new Object[] {"42", 0L, null, null, null, null, null},
                true, true, false, false, false, false, false);
        assertEquals(42L, r);
        assertFalse(ctx.failed);
    }

    @Test
    void unsetHeaderGivesFallback() {
        Object r = integer(new Object[] {null, 7L, null, null, null, null, null},
                true, true, false, false, false, false, false);
        assertEquals(7L, r);
        assertFalse(ctx.failed);
    }

    @Test
    void fractionIsNotAnInteger() {
        Object r = integer(new Object[] {"1.5", 7L, null, null, null, null, null},
                true, true, false, false, false, false, false);
        assertEquals(7L, r);
    }

    @Test
    void realSourceIsTruncated() {
        Object r = integer(new Object[] {null, null, null, null, null, -2.7, null},
                false, false, false, false, false, true, false);
        assertEquals(-2L, r);
    }

    @Test
    void noSourceFails() {
        integer(new Object[] {null, 1L, null, null, null, null, null},
                false, true, false, false, false, false, false);
        assertTrue(ctx.failed);
        assertEquals("std.integer: not enough arguments\n", ctx.msg.toString());
    }

    @Test
    void twoSourcesFail() {
        integer(new Object[] {"1", null, true, null, null, null, null},
                true, false, true, false, false, false, false);
        assertEquals("std.integer: too many arguments\n", ctx.msg.toString());
    }

    @Test
    void noFallbackFails() {
        integer(new Object[] {"x", null, null, null, null, null, null},
                true, false, false, false, false, false, false);
        assertEquals("std.integer: conversion failed\n", ctx.msg.toString());
    }

    @Test
    void durationParsesUnits() {
        Object r = StdConversions.duration(ctx, Arrays.asList("1m", null, null, null),
                List.of(true, false, false, false));
        assertEquals(new Dur(60_000_000_000L), r);
    }
}
