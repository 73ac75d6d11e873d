package io.newswire.app.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check without curl in the image: {@code java -cp /app/classes
 * io.newswire.app.ops.HealthProbe PORT} exits 0 when {@code http://127.0.0.1:PORT/health} answers 200, else 1.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        int port = args.length == 1 && args[0].matches("\\d{1,5}") ? Integer.parseInt(args[0]) : 9404;
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(4)).build(), HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
