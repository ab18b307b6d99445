package vclab.model;

import java.util.ArrayList;
import java.util.List;
import vclab.vcl.VclModel;

/** The selectable historical models, oldest first. */
public final class Models {
    private Models() {
    }

    /** A new instance of every model, in catalogue order. */
    public static List<VclModel> all() {
        List<VclModel> list = new ArrayList<>();
        list.add(new V74());
        list.add(new V75());
        list.add(new V76());
        list.add(new V77());
        list.add(new Pr4205());
        list.add(new B9a2040());
        list.add(new V80());
        return list;
    }

    /** The model's ids, for help texts: "v7.4, v7.5, ...". */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (VclModel m : all()) {
            ids.add(m.id());
        }
        return ids;
    }

    /** The default model: Varnish 8.0. */
    public static VclModel defaultModel() {
        return new V80();
    }

    /**
     * Finds a model by id; "8.0", "7.6" and the like work without the "v".
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static VclModel byId(String id) {
        for (VclModel m : all()) {
            if (m.id().equals(id) || m.id().equals("v" + id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "'; choose one of "
                + String.join(", ", ids()));
    }
}
