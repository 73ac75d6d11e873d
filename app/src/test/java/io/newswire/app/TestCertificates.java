package io.newswire.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA and a broker certificate it signed (for localhost and 127.0.0.1), made with the JDK's keytool:
 * {@code broker.p12} (key and chain) and {@code truststore.p12} (the CA), both PKCS12 with one password.
 */
final class TestCertificates {

    private TestCertificates() {
    }

    static void create(Path dir, String password) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path broker = dir.resolve("broker.p12");
        Path truststore = dir.resolve("truststore.p12");
        Path caPem = dir.resolve("ca.pem");
        Path request = dir.resolve("broker.csr");
        Path brokerPem = dir.resolve("broker.pem");
        keytool(dir, "-genkeypair", "-alias", "ca", "-dname", "CN=newswire test CA", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-ext", "bc:c", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
                "-file", caPem.toString());
        keytool(dir, "-genkeypair", "-alias", "broker", "-dname", "CN=localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-keystore", broker.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool(dir, "-certreq", "-alias", "broker", "-keystore", broker.toString(), "-storepass", password,
                "-file", request.toString());
        keytool(dir, "-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
                "-infile", request.toString(), "-outfile", brokerPem.toString(), "-validity", "2",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth");
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", broker.toString(),
                "-storepass", password);
        keytool(dir, "-importcert", "-noprompt", "-alias", "broker", "-file", brokerPem.toString(),
                "-keystore", broker.toString(), "-storepass", password);
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", truststore.toString(),
                "-storetype", "PKCS12", "-storepass", password);
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path log = dir.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + args[0] + " failed: " + Files.readString(log));
        }
    }
}
