package vclab.vcl;

/** A child VCL's temperature, with varnishd's warm and cold flags. */
public enum Temperature {
    /** Loading: VCL_EVENT_LOAD runs; directors may register, no events. */
    INIT("init", false, true),
    /** VMODs and directors are cold (told COLD, or never warmed). */
    COLD("cold", false, true),
    /** Usable: directors warm, probes running. */
    WARM("warm", true, false),
    /** A cold request came while the VCL was busy; nothing sent yet. */
    BUSY("busy", true, false),
    /** COLD events sent, but a reference still blocks the cold temperature. */
    COOLING("cooling", false, false);

    private final String word;
    private final boolean warm;
    private final boolean cold;

    Temperature(String word, boolean warm, boolean cold) {
        this.word = word;
        this.warm = warm;
        this.cold = cold;
    }

    /** The name {@code vcl.list} prints. */
    public String word() {
        return word;
    }

    /** varnishd's {@code is_warm}: warm or busy. */
    public boolean isWarm() {
        return warm;
    }

    /** varnishd's {@code is_cold}: init or cold. */
    public boolean isCold() {
        return cold;
    }
}
