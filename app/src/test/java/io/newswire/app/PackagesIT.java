package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} leaves in app/target: the container image tarball (for {@code docker load -i}) and
 * the distribution archive. Read with the JDK alone (a tar reader of a few lines), as a user's tools would.
 */
class PackagesIT {

    private static final Path IMAGE = Path.of("target", "newswire-image.tar");

    @Test
    void theImageShouldRunNewswireAsANonRootUserWithItsPortsExposed() throws IOException {
        assumeTrue(Files.exists(IMAGE), "no image tarball (built with -Djib.skip)");
        Map<String, byte[]> entries = Tar.read(Files.newInputStream(IMAGE));

        JsonNode manifest = Json.mapper().readTree(entries.get("manifest.json")).get(0);
        JsonNode config = Json.mapper().readTree(entries.get(manifest.get("Config").asText())).get("config");

        assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo("newswire:" + BuildVersion.version());
        assertThat(config.get("Entrypoint").get(0).asText()).isEqualTo("/opt/java/bin/java");
        assertThat(config.get("Entrypoint").toString()).contains(Newswire.class.getName());
        assertThat(config.get("User").asText()).isEqualTo("10001:10001").doesNotStartWith("0");
        List<String> ports = new ArrayList<>();
        config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactlyInAnyOrder("8080/tcp", "9404/tcp");
        assertThat(config.get("Env").toString()).contains("NEWSWIRE_LOG_FILE=-").contains("NEWSWIRE_DATA_DIR=/var/lib/newswire");
        // Every layer the manifest names is in the tarball (what docker load needs).
        manifest.get("Layers").forEach(layer -> assertThat(entries).containsKey(layer.asText()));
    }

    @Test
    void theDistributionShouldHoldTheLauncherLibrariesConfigReadmeAndLicense() throws IOException {
        Path archive = Path.of("target", "newswire-" + BuildVersion.version() + ".tar.gz");
        assumeTrue(Files.exists(archive), "no distribution archive (mvn package not run)");
        String base = "newswire-" + BuildVersion.version() + "/";

        Map<String, Integer> modes = new HashMap<>();
        Map<String, byte[]> entries = Tar.read(new GZIPInputStream(Files.newInputStream(archive)), modes);

        assertThat(entries).containsKeys(base + "bin/newswire", base + "README.md", base + "LICENSE",
                base + "config/kafka-sasl-scram-tls.properties", base + "lib/newswire-app-" + BuildVersion.version() + ".jar");
        assertThat(modes.get(base + "bin/newswire") & 0111).as("executable").isEqualTo(0111);
        assertThat(new String(entries.get(base + "LICENSE"), java.nio.charset.StandardCharsets.UTF_8)).contains("Apache License");
        assertThat(entries.keySet()).anyMatch(name -> name.startsWith(base + "lib/kafka-clients-"))
                .anyMatch(name -> name.startsWith(base + "seeds/"));
    }

    /** Just enough of ustar/pax to list files and read small ones. */
    static final class Tar {

        private Tar() {
        }

        static Map<String, byte[]> read(InputStream in) throws IOException {
            return read(in, new HashMap<>());
        }

        static Map<String, byte[]> read(InputStream raw, Map<String, Integer> modes) throws IOException {
            Map<String, byte[]> entries = new HashMap<>();
            try (InputStream in = raw) {
                String longName = null;
                while (true) {
                    byte[] header = in.readNBytes(512);
                    if (header.length < 512 || header[0] == 0) {
                        return entries;
                    }
                    String name = longName != null ? longName : field(header, 0, 100);
                    String prefix = field(header, 345, 155);
                    if (longName == null && !prefix.isEmpty()) {
                        name = prefix + "/" + name;
                    }
                    longName = null;
                    long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
                    char type = (char) header[156];
                    // Small files are kept; layers of the image are only listed (read past without keeping).
                    byte[] content = size <= 64 * 1024 ? in.readNBytes((int) size) : skip(in, size);
                    in.skipNBytes((512 - size % 512) % 512);
                    if (type == 'L') {
                        longName = new String(content, java.nio.charset.StandardCharsets.UTF_8).trim();
                    } else if (type == 'x') {
                        String path = paxPath(new String(content, java.nio.charset.StandardCharsets.UTF_8));
                        longName = path;
                    } else if (type == '0' || type == 0) {
                        entries.put(name, content);
                        modes.put(name, Integer.parseInt(field(header, 100, 8).isEmpty() ? "0" : field(header, 100, 8), 8));
                    }
                }
            }
        }

        private static byte[] skip(InputStream in, long size) throws IOException {
            in.skipNBytes(size);
            return new byte[0];
        }

        private static String paxPath(String records) {
            for (String record : records.split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    return record.substring(space + 1 + "path=".length());
                }
            }
            return null;
        }

        private static String field(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, java.nio.charset.StandardCharsets.US_ASCII).trim();
        }
    }
}
