package vclab.instance;

import java.nio.file.Path;
import java.util.List;
import vclab.cli.Dialect;
import vclab.vcl.VclModel;
import vclab.vrt.PokeOutcome;

/**
 * How to start one simulated varnishd.
 *
 * @param name the instance's short name, for thread names and logs ("v1")
 * @param argv varnishd's command line after the program name, as varnishd would parse it
 * @param model the Varnish model
 * @param dialect the CLI output to reproduce, or null for the model's
 * @param pokeOracle what probes to each endpoint get
 * @param external whether to publish the instance to the outside world: the secret file, a
 *     loopback CLI listener and the work directory files varnishadm reads; off for
 *     explorations, which must not touch the machine
 * @param pwd the working directory relative file names are resolved against
 * @param seed seeds the instance's randomness (authentication challenges)
 */
public record InstanceOptions(String name, List<String> argv, VclModel model, Dialect dialect,
        PokeOutcome.Oracle pokeOracle, boolean external, Path pwd, long seed) {

    public InstanceOptions {
        argv = List.copyOf(argv);
    }
}
