package org.filet.server.support;

/** How custody records name a component of this platform: {@code component:<name>@<version>}. */
public final class Components {

    public static final String VERSION;

    static {
        String v = Components.class.getPackage().getImplementationVersion();
        VERSION = v == null ? "0.1.0-dev" : v;
    }

    private Components() {}

    public static String actor(String name) {
        return "component:" + name + "@" + VERSION;
    }
}
