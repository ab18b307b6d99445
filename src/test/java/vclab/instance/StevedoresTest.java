package vclab.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class StevedoresTest {

    @Test
    void defaultIsS0AndTransient() {
        Stevedores s = Stevedores.configure(List.of());
        assertEquals(List.of(new Stevedores.Storage("s0", "malloc"),
                new Stevedores.Storage("Transient", "malloc")), s.storages());
        assertEquals("-sdefault,-sdefault", s.platformChoices());
        assertNull(s.error());
    }

    @Test
    void namedAndUnnamedArguments() {
        Stevedores s = Stevedores.configure(List.of("mem=malloc,10m", "file,/tmp/x,1m",
                "malloc"));
        assertEquals(List.of("mem", "s0", "s1", "Transient"), s.idents());
        assertEquals("file", s.storages().get(1).strategy());
        assertEquals("-smalloc,-sfile,-smalloc,-sdefault", s.platformChoices());
    }

    @Test
    void namedTransientMovesToTheEnd() {
        Stevedores s = Stevedores.configure(List.of("Transient=malloc,1m", "malloc"));
        assertEquals(List.of("s0", "Transient"), s.idents());
        assertEquals("-smalloc,-smalloc", s.platformChoices());
    }

    @Test
    void badArgumentsGiveVarnishdErrors() {
        assertEquals("Unknown storage method \"umem\"",
                Stevedores.configure(List.of("umem")).error());
        assertEquals("Unknown storage method \"\"",
                Stevedores.configure(List.of(",1m")).error());
        assertEquals("-s argument lacks strategy {malloc, file, ...}",
                Stevedores.configure(List.of("")).error());
        assertEquals("(-s a=malloc) 'a' is already defined",
                Stevedores.configure(List.of("a=malloc", "a=malloc")).error());
        assertEquals("invalid -s name \"1a\"=[...]",
                Stevedores.configure(List.of("1a=malloc")).error());
    }
}
