package vclab.vmod;

import java.util.List;
import vclab.vrt.Director;
import vclab.vrt.VrtCtx;

/**
 * vmod_directors: round_robin, fallback, random, hash and shard objects, each a director
 * over the backends added to it. Which backend a request would get is not modelled; health
 * and listings are.
 */
public final class DirectorsVmod implements Vmod {
    @Override
    public String name() {
        return "directors";
    }

    @Override
    public Instance instantiate(VmodContext context) {
        return new Instance(context) {
            @Override
            public VmodObject construct(VrtCtx ctx, String className, String objName,
                    List<Object> args) {
                String type = switch (className) {
                    case "round_robin" -> "round-robin";
                    case "fallback" -> "fallback";
                    case "random" -> "random";
                    case "hash" -> "hash";
                    case "shard" -> "shard";
                    default -> throw new IllegalArgumentException("directors." + className
                            + " is not simulated");
                };
                return new DirectorObject(vc, ctx, type, objName);
            }
        };
    }

    /** One director object. */
    private static final class DirectorObject implements VmodObject {
        private final VmodContext vc;
        private final VmodDirector dir;

        DirectorObject(VmodContext vc, VrtCtx ctx, String type, String objName) {
            this.vc = vc;
            this.dir = new VmodDirector(type, vc.vrt());
            dir.director = vc.vrt().addDirector(ctx, dir, this, objName);
        }

        @Override
        public Object call(VrtCtx ctx, String name, List<Object> args) {
            switch (name) {
                case "add_backend" -> {
                    Director be = (Director) args.get(0);
                    if (be == null) {
                        ctx.fail(dir.director.name() + ": None backend cannot be added");
                        return null;
                    }
                    double weight = args.size() > 1 && args.get(1) instanceof Number n
                            ? n.doubleValue() : 1.0;
                    dir.add(be, weight);
                    return null;
                }
                case "remove_backend" -> {
                    dir.remove((Director) args.get(0));
                    return null;
                }
                case "backend" -> {
                    return dir.director;
                }
                case "reconfigure" -> {
                    return Boolean.TRUE;
                }
                default -> {
                    ctx.fail("vclab does not simulate directors method ." + name + "()");
                    return null;
                }
            }
        }

        @Override
        public void destroy(VrtCtx ctx) {
            if (dir.director != null) {
                vc.vrt().delDirector(dir.director);
                dir.director = null;
            }
        }
    }
}
