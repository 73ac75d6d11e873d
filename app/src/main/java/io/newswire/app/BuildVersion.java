package io.newswire.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code newswire --version}: the version Maven built, from a resource it filled in, and the Kafka client's. */
public final class BuildVersion implements IVersionProvider {

    static final String RESOURCE = "/io/newswire/app/build.properties";

    /** The project version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"newswire " + version(),
            "Apache Kafka client " + org.apache.kafka.common.utils.AppInfoParser.getVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"};
    }
}
